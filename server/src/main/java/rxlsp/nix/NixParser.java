package rxlsp.nix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import rxlsp.text.TextEdit;

/**
 * Parses Nix with tree-sitter-nix and copies the result into {@link SyntaxNode}s. One instance
 * serves one document at a time (tree-sitter parsers are not thread-safe) and keeps the last
 * tree-sitter tree, so that {@link #reparse} after an edit reuses the unchanged parts.
 *
 * <p>Text is handed to tree-sitter as UTF-16, so a tree-sitter byte offset is twice a Java index.
 * The parser and trees are held as raw pointers and driven through {@link TreeSitterCalls}: no
 * shared arena per parse or tree (see there), and the input lives in a confined arena for the
 * duration of one parse only.
 */
public final class NixParser implements AutoCloseable {
    /** Deeper nesting is not copied (and is reported), so that no later pass can overflow the stack. */
    public static final int MAX_DEPTH = 2_000;
    private static final int COPY_CHUNK = 1 << 15;
    private static final ValueLayout.OfChar UTF16LE_CHAR = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** The {@code TSParser *}; {@link MemorySegment#NULL} once closed. */
    private MemorySegment parser;
    /** Whether to keep the last tree and its copies for {@link #reparse}; one-shot parsing skips that work. */
    private final boolean incremental;
    /** The last {@code TSTree *}, or null. */
    private MemorySegment lastTree;
    private String lastText;
    private ReuseMap copies = new ReuseMap();
    /** Counts the copies, to mark what each one met in {@link #copies}. */
    private int epoch;

    /** A parser that keeps each tree for incremental {@link #reparse} (an editor's document). */
    public NixParser() {
        this(true);
    }

    private NixParser(boolean incremental) {
        this.incremental = incremental;
        this.parser = TreeSitterCalls.newNixParser();
    }

    /** A parser for files parsed once each (the CLI): no tree or copies are kept between parses. */
    public static NixParser forSingleParses() {
        return new NixParser(false);
    }

    /** Parses {@code text} from scratch. */
    public NixSyntaxTree parse(String text) {
        MemorySegment tree = parseTree(text, MemorySegment.NULL);
        copies = new ReuseMap(); // ids of an older tree mean nothing for a fresh one
        NixSyntaxTree result = copy(tree, text);
        if (incremental) {
            replaceTree(tree, text);
        } else {
            TreeSitterCalls.deleteTree(tree);
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment edit = arena.allocate(TreeSitterCalls.INPUT_EDIT);
            for (TextEdit e : edits) {
                String next = e.applyTo(text);
                int[] fields = {2 * e.start(), 2 * e.end(), 2 * e.newEnd(), 0, 0, 0, 0, 0, 0};
                point(text, e.start(), fields, 3);
                point(text, e.end(), fields, 5);
                point(next, e.newEnd(), fields, 7);
                MemorySegment.copy(fields, 0, edit, ValueLayout.JAVA_INT, 0, fields.length);
                TreeSitterCalls.editTree(lastTree, edit);
                text = next;
            }
        }
        MemorySegment tree = parseTree(text, lastTree);
        // copy while the old tree is alive: its subtree ids identify what tree-sitter reused
        NixSyntaxTree result = copy(tree, text);
        replaceTree(tree, text);
        return result;
    }

    /**
     * Whether the subtree copies kept for the next reparse are exactly those reachable from the
     * current tree's top (tests: none may outlive its tree).
     */
    boolean keepsOnlyLiveCopies() {
        return copies.reachable() == copies.size();
    }

    /** The text of the last parse, or null before the first. */
    public String lastText() {
        return lastText;
    }

    /** Parses {@code text}, reusing {@code old} (an edited tree) unless it is NULL. */
    private MemorySegment parseTree(String text, MemorySegment old) {
        if (parser.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("parser closed");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocate(2L * text.length() + 2, 2);
            // getChars and bulk copies are memcpy-like (getBytes(UTF_16LE) runs a slow encoder loop);
            // in chunks, so a 10 MB text does not make a 20 MB char[] on every keystroke
            char[] chunk = new char[Math.min(text.length(), COPY_CHUNK)];
            for (int from = 0; from < text.length(); from += COPY_CHUNK) {
                int to = Math.min(text.length(), from + COPY_CHUNK);
                text.getChars(from, to, chunk, 0);
                MemorySegment.copy(chunk, 0, input, UTF16LE_CHAR, 2L * from, to - from);
            }
            MemorySegment tree = TreeSitterCalls.parseUtf16(parser, old, input, 2 * text.length());
            if (tree.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("tree-sitter stopped parsing");
            }
            return tree;
        }
    }

    private void replaceTree(MemorySegment tree, String text) {
        if (lastTree != null) {
            TreeSitterCalls.deleteTree(lastTree);
        }
        lastTree = tree;
        lastText = text;
    }

    /**
     * Writes the tree-sitter point of {@code offset} into {@code out[at]} (row) and
     * {@code out[at + 1]} (column): rows count {@code \n} only; columns are in bytes of the input encoding.
     */
    private static void point(String text, int offset, int[] out, int at) {
        int row = 0;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            row++;
            lineStart = i + 1;
        }
        out[at] = row;
        out[at + 1] = 2 * (offset - lineStart);
    }

    private NixSyntaxTree copy(MemorySegment tree, String text) {
        epoch++;
        TreeCopier.Copy copy = TreeCopier.copy(tree, text, MAX_DEPTH, incremental ? copies : null, epoch);
        if (incremental) {
            if (copy.depthLimited()) {
                copies = new ReuseMap(); // what was cut is not in the copy: nothing is reused from it
            } else {
                copies.prune(epoch, copy.tops());
            }
        }
        return new NixSyntaxTree(text, rxlsp.text.LineIndex.of(text), copy.root(), copy.depthLimited());
    }

    @Override
    public void close() {
        if (lastTree != null) {
            TreeSitterCalls.deleteTree(lastTree);
            lastTree = null;
        }
        if (!parser.equals(MemorySegment.NULL)) {
            TreeSitterCalls.deleteParser(parser);
            parser = MemorySegment.NULL;
        }
    }
}
