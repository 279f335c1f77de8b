package rxlsp.nix;

import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rxlsp.text.TextEdit;

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
    /** Whether to keep the last tree and its copies for {@link #reparse}; one-shot parsing skips that work. */
    private final boolean incremental;
    private Tree lastTree;
    private String lastText;
    private Map<Long, SyntaxNode> copies = new HashMap<>();

    /** A parser that keeps each tree for incremental {@link #reparse} (an editor's document). */
    public NixParser() {
        this(true);
    }

    private NixParser(boolean incremental) {
        this.incremental = incremental;
    }

    /** A parser for files parsed once each (the CLI): no tree or copies are kept between parses. */
    public static NixParser forSingleParses() {
        return new NixParser(false);
    }

    /** Parses {@code text} from scratch. */
    public NixSyntaxTree parse(String text) {
        Tree tree = parseTree(text, null);
        copies = new HashMap<>(); // ids of an older tree mean nothing for a fresh one
        NixSyntaxTree result = copy(tree, text);
        if (incremental) {
            replaceTree(tree, text);
        } else {
            tree.close();
        }
        return result;
    }

    /**
     * Parses the last parsed text after {@code edits}, applied one after the other (each in the
     * coordinates of the text the previous one produced), reusing the unchanged parts of the last
     * tree; without a last tree this is a full parse.
     */
    public NixSyntaxTree reparse(List<TextEdit> edits) {
        if (lastTree == null) {
            throw new IllegalStateException("reparse before parse");
        }
        String text = lastText;
        for (TextEdit e : edits) {
            String next = e.applyTo(text);
            lastTree.edit(new InputEdit(2 * e.start(), 2 * e.end(), 2 * e.newEnd(),
                    point(text, e.start()), point(text, e.end()), point(next, e.newEnd())));
            text = next;
        }
        Tree tree = parseTree(text, lastTree);
        // copy while the old tree is alive: its subtree ids identify what tree-sitter reused
        NixSyntaxTree result = copy(tree, text);
        replaceTree(tree, text);
        return result;
    }

    /** The text of the last parse, or null before the first. */
    public String lastText() {
        return lastText;
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
        Map<Long, SyntaxNode> next = incremental ? new HashMap<>() : null;
        TreeCopier.Copy copy = TreeCopier.copy(tree, MAX_DEPTH, copies, next);
        copies = copy.depthLimited() || next == null ? new HashMap<>() : next;
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
