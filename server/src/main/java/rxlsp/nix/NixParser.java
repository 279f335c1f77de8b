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
 * <p>Text is handed to tree-sitter as UTF-16, so a tree-sitter byte offset is twice a Java index. What
 * tree-sitter reads is the text with the adjustments of {@link TreeSitterInput}, which make its lexer
 * read Nix's tokens; where Nix reads {@code //} as an operator but tree-sitter would start a path, the
 * text is parsed again with a space after that {@code //} (and without incremental reuse).
 * The parser and trees are held as raw pointers and driven through {@link TreeSitterCalls}: no
 * shared arena per parse or tree (see there), and the input lives in a confined arena for the
 * duration of one parse only.
 */
public final class NixParser implements AutoCloseable {
    /** Deeper nesting is not copied (and is reported), so that no later pass can overflow the stack. */
    public static final int MAX_DEPTH = 2_000;
    /**
     * Parses with spaces after misread {@code //}s, at most: each round finds the misreadings the last
     * one revealed (a chain {@code a//b//c} reveals one per round); what is left after them is reported
     * as a path Nix does not read.
     */
    private static final int MAX_SPLIT_ROUNDS = 8;
    /**
     * From this length on, an edit that leaves a syntax error gets an approximate tree at once
     * ({@link LocalReparse#reparse}), made exact by {@link #refine} when there is time: tree-sitter's
     * reparse of a 10 MB text takes ~100 ms and more in C (it walks long repetitions), and handing it
     * the text another ~30 ms; shorter texts are reparsed by tree-sitter in a few ms, exactly.
     */
    static final int APPROXIMATE_FROM = 256 * 1024;
    /**
     * How long tree-sitter may reparse where no block around an edit shows an error (so the edit may
     * leave none) before the edit is marked as one instead ({@link LocalReparse#markEdit}): tree-sitter
     * answers at once where it is cheap, exactly.
     */
    static final long BUDGET_MICROS = 30_000;
    /**
     * From this length on, the first copy of a text keeps no subtrees for reuse: remembering a
     * 10 MB module's ~200,000 subtrees made its cold first copy 0.5 s longer (of ~3 s to the first
     * diagnostics), and most keystrokes there are reparsed locally ({@link LocalReparse}) without
     * tree-sitter. The first reparse by tree-sitter then copies the whole tree once and keeps them.
     */
    static final int LAZY_REUSE_FROM = 1 << 20;
    private static final java.lang.invoke.VarHandle CANCELLED = ValueLayout.JAVA_LONG.varHandle();
    private static final ValueLayout.OfChar UTF16LE_CHAR = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /**
     * The {@code size_t} tree-sitter reads while {@link #refine} parses: set by
     * {@link #cancelRefinement} from another thread. Freed with the parser object (no close needed).
     */
    private final MemorySegment cancelFlag = Arena.ofAuto().allocate(ValueLayout.JAVA_LONG);
    /** The {@code TSParser *}; {@link MemorySegment#NULL} once closed. */
    private MemorySegment parser;
    /** Whether to keep the last tree and its copies for {@link #reparse}; one-shot parsing skips that work. */
    private final boolean incremental;
    /** The last {@code TSTree *}, or null. */
    private MemorySegment lastTree;
    /**
     * The line index of the last parsed text, which it holds (null when nothing is kept): an edit
     * updates it instead of scanning the text again.
     */
    private rxlsp.text.LineIndex lastLines;
    /** The root of the last tree when it was copied whole (not cut by depth), for {@link LocalReparse}; else null. */
    private SyntaxNode lastRoot;
    /** Whether the last reparse built its tree by {@link LocalReparse}, leaving tree-sitter's tree edited but unparsed. */
    private boolean lastWasLocal;
    /**
     * While the last tree is an approximation ({@link #approximate()}), the last exact tree, given
     * back at once when the edits lead back to its text (a keystroke undone); else null.
     */
    private NixSyntaxTree exact;
    private ReuseMap copies = new ReuseMap();
    /** Counts the copies, to mark what each one met in {@link #copies}. */
    private int epoch;

    /** See {@link #APPROXIMATE_FROM} and {@link #BUDGET_MICROS}; tests set them to make approximations happen. */
    private final int approximateFrom;
    private final long budgetMicros;

    /** A parser that keeps each tree for incremental {@link #reparse} (an editor's document). */
    public NixParser() {
        this(true, APPROXIMATE_FROM, BUDGET_MICROS);
    }

    /**
     * An editor's parser that approximates trees with syntax errors in texts of
     * {@code approximateFrom} characters on, giving tree-sitter {@code budgetMicros} where only a
     * marked edit could stand in for its tree.
     */
    NixParser(int approximateFrom, long budgetMicros) {
        this(true, approximateFrom, budgetMicros);
    }

    private NixParser(boolean incremental, int approximateFrom, long budgetMicros) {
        this.incremental = incremental;
        this.approximateFrom = approximateFrom;
        this.budgetMicros = budgetMicros;
        this.parser = TreeSitterCalls.newNixParser();
    }

    /**
     * Loads tree-sitter and links its calls (the largest part of a short run's start-up) on a
     * background thread, so that it overlaps with reading the command line and the files.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                NixLanguage.symbolName(0);
            } catch (Throwable e) { // the first real parse meets the same problem and reports it
            }
        }, "rx-lsp-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** A parser for files parsed once each (the CLI): no tree or copies are kept between parses. */
    public static NixParser forSingleParses() {
        return new NixParser(false, APPROXIMATE_FROM, BUDGET_MICROS);
    }

    /** Parses {@code text} from scratch. */
    public NixSyntaxTree parse(String text) {
        MemorySegment tree = parseTree(TreeSitterInput.of(text), MemorySegment.NULL);
        copies = new ReuseMap(); // ids of an older tree mean nothing for a fresh one
        // a big text's first copy keeps no subtrees for reuse: the first reparse by tree-sitter keeps them
        NixSyntaxTree result = copy(tree, text, rxlsp.text.LineIndex.of(text), text.length() < LAZY_REUSE_FROM);
        int[] splits = splitsNeeded(result);
        if (splits.length > 0) {
            TreeSitterCalls.deleteTree(tree);
            return parseWithSplits(text, splits);
        }
        if (incremental) {
            replaceTree(tree, result);
        } else {
            TreeSitterCalls.deleteTree(tree);
        }
        return result;
    }

    /**
     * Where tree-sitter must read a space first to read the text as Nix does: a path that Nix reads as
     * {@code //} and more ({@link NixLexerRules#updateOperatorSplits}), and {@code ''''${} in an
     * indented string ({@link GrammarGaps#quoteSplits}).
     */
    private static int[] splitsNeeded(NixSyntaxTree tree) {
        int[] slashes = (tree.root().flags() & SyntaxNode.HAS_DOUBLE_SLASH_PATH) == 0 ? new int[0]
                : NixLexerRules.updateOperatorSplits(tree);
        int[] quotes = GrammarGaps.quoteSplits(tree);
        if (quotes.length == 0) {
            return slashes;
        }
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(slashes), java.util.Arrays.stream(quotes))
                .sorted().distinct().toArray();
    }

    /**
     * Parses {@code text} with a space inserted at each of {@code splits}, and at the splits that
     * parse reveals, and maps the tree back to {@code text}. No tree is kept: the next
     * {@link #reparse} parses from scratch.
     */
    private NixSyntaxTree parseWithSplits(String text, int[] splits) {
        NixSyntaxTree result = null;
        for (int round = 0; round < MAX_SPLIT_ROUNDS && splits.length > 0; round++) {
            TreeSitterInput input = TreeSitterInput.withSpacesAt(text, splits);
            MemorySegment tree = parseTree(input, MemorySegment.NULL);
            try {
                TreeCopier.Copy copy = TreeCopier.copy(tree, text, input, MAX_DEPTH, null, 0);
                result = new NixSyntaxTree(text, rxlsp.text.LineIndex.of(text), copy.root(), copy.depthLimited());
            } finally {
                TreeSitterCalls.deleteTree(tree);
            }
            int[] more = splitsNeeded(result);
            int[] all = java.util.stream.IntStream.concat(java.util.Arrays.stream(splits), java.util.Arrays.stream(more))
                    .sorted().distinct().toArray();
            splits = all.length == splits.length ? new int[0] : all;
        }
        copies = new ReuseMap();
        if (lastTree != null) {
            TreeSitterCalls.deleteTree(lastTree);
            lastTree = null;
        }
        lastLines = incremental ? result.lines() : null;
        lastRoot = null;
        exact = null;
        return result;
    }

    /**
     * Parses the last parsed text after {@code edits}, applied one after the other (each in the
     * coordinates of the text the previous one produced), reusing the unchanged parts of the last
     * tree; without a last tree this is a full parse.
     */
    public NixSyntaxTree reparse(List<TextEdit> edits) {
        return reparse(edits, null);
    }

    /**
     * The same, given the text the edits lead to (the editor's): used instead of a copy made by
     * applying the last edit, when it is exactly that (checked without copying); a history that does
     * not lead to it is applied as it is, and the caller sees the difference.
     */
    public NixSyntaxTree reparse(List<TextEdit> edits, String editorText) {
        if (lastLines == null) {
            throw new IllegalStateException("reparse before parse");
        }
        lastWasLocal = false;
        if (lastTree == null) { // the last parse had splits: parse afresh
            String text = lastLines.text();
            for (TextEdit e : edits) {
                text = e.applyTo(text);
            }
            return parse(text);
        }
        String text = lastLines.text();
        rxlsp.text.LineIndex lines = lastLines;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment edit = arena.allocate(TreeSitterCalls.INPUT_EDIT);
            for (int k = 0; k < edits.size(); k++) {
                TextEdit e = edits.get(k);
                String next = k == edits.size() - 1 && editorText != null && leadsTo(text, e, editorText) ? editorText : e.applyTo(text);
                rxlsp.text.LineIndex nextLines = lines.edited(e, next);
                // widened by the reach of TreeSitterInput's adjustments: characters next to an edit may read differently now
                int start = Math.max(0, e.start() - TreeSitterInput.CONTEXT_BEFORE);
                int end = Math.min(text.length(), e.end() + TreeSitterInput.CONTEXT_AFTER);
                int newEnd = e.newEnd() + (end - e.end());
                int[] fields = {2 * start, 2 * end, 2 * newEnd, 0, 0, 0, 0, 0, 0};
                // without a \r the index's lines are tree-sitter's rows (it reads a \r as a line break of its own)
                boolean rowsAreLines = next.indexOf('\r') < 0 && !removesCarriageReturn(text, e);
                point(text, rowsAreLines ? lines : null, start, fields, 3);
                point(text, rowsAreLines ? lines : null, end, fields, 5);
                point(next, rowsAreLines ? nextLines : null, newEnd, fields, 7);
                MemorySegment.copy(fields, 0, edit, ValueLayout.JAVA_INT, 0, fields.length);
                TreeSitterCalls.editTree(lastTree, edit);
                text = next;
                lines = nextLines;
            }
        }
        // tree-sitter's tree now has the edits marked: a later parse reuses what they left alone
        if (exact != null && text.equals(exact.text())) {
            return keepLocal(text, lines, exact.root(), false);
        }
        boolean single = edits.size() == 1 && lastRoot != null;
        // in a big text, tree-sitter's recovery from a syntax error takes longer than a keystroke may
        boolean big = single && text.length() >= approximateFrom;
        LocalReparse.Result local = single ? LocalReparse.reparse(lastRoot, text, edits.get(0), this::parseAlone, big) : null;
        if (local != null) {
            return keepLocal(text, lines, local.root(), local.approximate());
        }
        // no block shows an error: tree-sitter, unless it takes longer than the edit marked as one
        SyntaxNode marked = big ? LocalReparse.markEdit(lastRoot, text, edits.get(0)) : null;
        MemorySegment tree = parseTree(TreeSitterInput.of(text), lastTree, marked == null ? 0 : budgetMicros, false);
        if (tree == null) {
            return keepLocal(text, lines, marked, true);
        }
        return keepParsed(tree, text, lines);
    }

    /** Copies {@code tree}, reparsed from the last one, and keeps it (or parses with splits where it needs them). */
    private NixSyntaxTree keepParsed(MemorySegment tree, String text, rxlsp.text.LineIndex lines) {
        // copy while the old tree is alive: its subtree ids identify what tree-sitter reused
        NixSyntaxTree result = copy(tree, text, lines, true);
        int[] splits = splitsNeeded(result);
        if (splits.length > 0) {
            TreeSitterCalls.deleteTree(tree);
            return parseWithSplits(text, splits);
        }
        replaceTree(tree, result);
        return result;
    }

    private NixSyntaxTree keepLocal(String text, rxlsp.text.LineIndex lines, SyntaxNode root, boolean approximation) {
        if (approximation && exact == null) {
            exact = new NixSyntaxTree(lastLines.text(), lastLines, lastRoot, false);
        } else if (!approximation) {
            exact = null;
        }
        lastLines = lines;
        lastRoot = root;
        lastWasLocal = true;
        return new NixSyntaxTree(text, lines, root, false);
    }

    /**
     * Whether the last tree is an approximation ({@link LocalReparse#reparse}): a syntax error
     * kept inside the block around an edit, in a text of {@link #APPROXIMATE_FROM} characters or more.
     * {@link #refine} replaces it.
     */
    public boolean approximate() {
        return exact != null;
    }

    /**
     * After an approximate tree: tree-sitter's own tree of the same text, parsed in one go; null when
     * the last tree is exact, when {@code stop} says to leave it, or when {@link #cancelRefinement}
     * stopped the parse (a newer edit came): the tree stays approximate, and tree-sitter's parse
     * starts again next time. One go, not slices: a parse resumed after a timeout may recover from
     * syntax errors differently from tree-sitter's own.
     */
    public NixSyntaxTree refine(java.util.function.BooleanSupplier stop) {
        if (exact == null) {
            return null;
        }
        // cleared before asking: a cancellation from now on is seen by the parse
        CANCELLED.setVolatile(cancelFlag, 0L, 0L);
        if (stop.getAsBoolean()) {
            return null;
        }
        String text = lastLines.text();
        MemorySegment tree = parseTree(TreeSitterInput.of(text), lastTree, 0, true);
        if (tree == null) {
            return null;
        }
        return keepParsed(tree, text, lastLines);
    }

    /**
     * Stops a {@link #refine} under way on another thread, soon (it returns null); nothing when none
     * is. Safe from any thread: it only sets a flag tree-sitter reads while it parses.
     */
    public void cancelRefinement() {
        CANCELLED.setVolatile(cancelFlag, 0L, 1L);
    }

    /** Parses a block's text alone for {@link LocalReparse}: its root, or null when cut by depth. */
    private SyntaxNode parseAlone(String snippet, int maxDepth) {
        MemorySegment tree = parseTree(TreeSitterInput.of(snippet), MemorySegment.NULL);
        try {
            TreeCopier.Copy copy = TreeCopier.copy(tree, snippet, maxDepth, null, 0);
            return copy.depthLimited() ? null : copy.root();
        } finally {
            TreeSitterCalls.deleteTree(tree);
        }
    }

    /** The parser {@link LocalReparse} parses blocks alone with (tests). */
    LocalReparse.SnippetParser snippetParser() {
        return this::parseAlone;
    }

    /** Whether the last reparse was built by {@link LocalReparse} (tests). */
    boolean lastReparseWasLocal() {
        return lastWasLocal;
    }

    /** Whether {@code edit} deletes a {@code \r} of {@code text} (the rest of the text is the edited one's). */
    private static boolean removesCarriageReturn(String text, TextEdit edit) {
        for (int i = edit.start(); i < edit.end(); i++) {
            if (text.charAt(i) == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code edit} makes {@code text} into {@code result}. */
    private static boolean leadsTo(String text, TextEdit edit, String result) {
        int tail = text.length() - edit.end();
        return edit.end() <= text.length()
                && result.length() == edit.start() + edit.newText().length() + tail
                && result.regionMatches(0, text, 0, edit.start())
                && result.regionMatches(edit.start(), edit.newText(), 0, edit.newText().length())
                && result.regionMatches(edit.newEnd(), text, edit.end(), tail);
    }

    /**
     * Whether the subtree copies kept for the next reparse are exactly those reachable from the
     * current tree's top (tests: none may outlive its tree).
     */
    boolean keepsOnlyLiveCopies() {
        return copies.reachable() == copies.size();
    }

    /** How many subtree copies are kept for the next reparse (tests). */
    int keptCopies() {
        return copies.size();
    }

    /** The text of the last parse, or null before the first. */
    public String lastText() {
        return lastLines == null ? null : lastLines.text();
    }

    /** Parses {@code text}, reusing {@code old} (an edited tree) unless it is NULL. */
    private MemorySegment parseTree(TreeSitterInput text, MemorySegment old) {
        return parseTree(text, old, 0, false);
    }

    /**
     * The same, stopped after {@code timeoutMicros} (0: never) or, when {@code cancellable}, by
     * {@link #cancelRefinement}; null when it stopped (the parser is reset: the next parse starts
     * afresh, from the same old tree).
     */
    private MemorySegment parseTree(TreeSitterInput text, MemorySegment old, long timeoutMicros, boolean cancellable) {
        if (parser.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("parser closed");
        }
        char[] chars = text.chars();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocate(2L * chars.length + 2, 2);
            // a bulk copy of a char array is memcpy-like; getBytes(UTF_16LE) runs a slow encoder loop
            MemorySegment.copy(chars, 0, input, UTF16LE_CHAR, 0, chars.length);
            if (timeoutMicros > 0) {
                TreeSitterCalls.setTimeout(parser, timeoutMicros);
            }
            if (cancellable) {
                TreeSitterCalls.setCancellationFlag(parser, cancelFlag);
            }
            try {
                MemorySegment tree = TreeSitterCalls.parseUtf16(parser, old, input, 2 * chars.length);
                if (!tree.equals(MemorySegment.NULL)) {
                    return tree;
                }
                TreeSitterCalls.resetParser(parser);
                if (timeoutMicros > 0 || cancellable) {
                    return null;
                }
                throw new IllegalStateException("tree-sitter stopped parsing");
            } finally {
                if (timeoutMicros > 0) {
                    TreeSitterCalls.setTimeout(parser, 0);
                }
                if (cancellable) {
                    TreeSitterCalls.setCancellationFlag(parser, MemorySegment.NULL);
                }
            }
        }
    }

    private void replaceTree(MemorySegment tree, NixSyntaxTree copied) {
        if (lastTree != null) {
            TreeSitterCalls.deleteTree(lastTree);
        }
        lastTree = tree;
        lastLines = copied.lines();
        exact = null;
        lastRoot = copied.depthLimited() ? null : copied.root();
    }

    /**
     * Writes the tree-sitter point of {@code offset} into {@code out[at]} (row) and
     * {@code out[at + 1]} (column): rows end at each {@code \n} tree-sitter reads, which includes every
     * {@code \r} of the text ({@link TreeSitterInput}); columns are in bytes of the input encoding.
     * {@code lines} is the text's line index when the text has no {@code \r} (its lines are then the
     * rows, found by a binary search), else null (the text is scanned up to {@code offset}).
     */
    private static void point(String text, rxlsp.text.LineIndex lines, int offset, int[] out, int at) {
        if (lines != null) { // a text without \r: its lines are the rows
            int row = lines.lineOf(offset);
            out[at] = row;
            out[at + 1] = 2 * (offset - lines.lineStart(row));
            return;
        }
        int row = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                row++;
                lineStart = i + 1;
            }
        }
        out[at] = row;
        out[at + 1] = 2 * (offset - lineStart);
    }

    /** Copies {@code tree}; {@code keep}: remember its subtrees for the next reparse (only for an editor's parser). */
    private NixSyntaxTree copy(MemorySegment tree, String text, rxlsp.text.LineIndex lines, boolean keep) {
        epoch++;
        TreeCopier.Copy copy = TreeCopier.copy(tree, text, MAX_DEPTH, incremental && keep ? copies : null, epoch);
        if (incremental && keep) {
            if (copy.depthLimited()) {
                copies = new ReuseMap(); // what was cut is not in the copy: nothing is reused from it
            } else {
                copies.prune(epoch, copy.tops());
            }
        }
        return new NixSyntaxTree(text, lines, copy.root(), copy.depthLimited());
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
