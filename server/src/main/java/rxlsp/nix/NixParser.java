package rxlsp.nix;

import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses Nix with tree-sitter-nix and copies the result into {@link SyntaxNode}s. One instance
 * serves one document at a time (tree-sitter parsers are not thread-safe) and keeps the last
 * tree-sitter tree, so that {@link #reparse} after an edit reuses the unchanged parts.
 *
 * <p>Text is handed to tree-sitter as UTF-16, so a tree-sitter byte offset is twice a Java index.
 */
public final class NixParser implements AutoCloseable {
    /** Deeper nesting is not copied (and is reported), so that no later pass can overflow the stack. */
    public static final int MAX_DEPTH = 2_000;

    private final Parser parser = new Parser(NixLanguage.LANGUAGE);
    private Tree lastTree;
    private String lastText;
    private Map<Long, SyntaxNode> copies = new HashMap<>();

    /** Parses {@code text} from scratch. */
    public NixSyntaxTree parse(String text) {
        Tree tree = parseTree(text, null);
        copies = new HashMap<>(); // ids of an older tree mean nothing for a fresh one
        NixSyntaxTree result = copy(tree, text);
        replaceTree(tree, text);
        return result;
    }

    /**
     * Parses {@code newText}, which is the last parsed text with {@code [start, oldEnd)} replaced by
     * {@code [start, newEnd)} of the new text; falls back to a full parse without a last tree.
     */
    public NixSyntaxTree reparse(String newText, int start, int oldEnd, int newEnd) {
        if (lastTree == null) {
            return parse(newText);
        }
        lastTree.edit(new InputEdit(2 * start, 2 * oldEnd, 2 * newEnd,
                point(lastText, start), point(lastText, oldEnd), point(newText, newEnd)));
        Tree tree = parseTree(newText, lastTree);
        // copy while the old tree is alive: its subtree ids identify what tree-sitter reused
        NixSyntaxTree result = copy(tree, newText);
        replaceTree(tree, newText);
        return result;
    }

    private Tree parseTree(String text, Tree old) {
        return parser.parse(text, InputEncoding.UTF_16LE, old)
                .orElseThrow(() -> new IllegalStateException("tree-sitter stopped parsing"));
    }

    private void replaceTree(Tree tree, String text) {
        if (lastTree != null) {
            lastTree.close();
        }
        lastTree = tree;
        lastText = text;
    }

    /** tree-sitter rows count {@code \n} only; columns are in bytes of the input encoding. */
    private static Point point(String text, int offset) {
        int row = 0;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            row++;
            lineStart = i + 1;
        }
        return new Point(row, 2 * (offset - lineStart));
    }

    private NixSyntaxTree copy(Tree tree, String text) {
        Map<Long, SyntaxNode> next = new HashMap<>();
        TreeCopier.Copy copy = TreeCopier.copy(tree, MAX_DEPTH, copies, next);
        copies = copy.depthLimited() ? new HashMap<>() : next;
        return new NixSyntaxTree(text, rxlsp.text.LineIndex.of(text), copy.root(), copy.depthLimited());
    }

    @Override
    public void close() {
        if (lastTree != null) {
            lastTree.close();
            lastTree = null;
        }
        parser.close();
    }
}
