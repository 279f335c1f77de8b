package rxlsp.nix;

import java.util.Arrays;
import java.util.Set;
import rxlsp.text.TextEdit;

/**
 * Builds the tree after one edit from the last tree without parsing the whole document again, the
 * way rust-analyzer reparses a block: tree-sitter's own incremental reparse costs ~100 ms in C on a
 * 10 MB module (it walks long repetitions such as a list of 30,000 modules), far more than a
 * keystroke may. Two cases are handled here; everything else is left to tree-sitter (null).
 * <ul>
 *   <li><b>Whitespace between tokens</b>: whitespace typed or deleted strictly inside the whitespace
 *       between two tokens changes no token and no node, only widths and offsets along the path.</li>
 *   <li><b>An edit inside a self-delimited block</b>: a set, list, parenthesised expression or
 *       string, or a binding (which ends with its {@code ;}), that contains the edit strictly (its
 *       delimiters are untouched). The block's new text is parsed alone (a binding inside
 *       {@code { }}); when that gives exactly one node of the same type over the whole text and no
 *       syntax error anywhere in the new tree, the node replaces the old one. The surroundings see the
 *       block as one unit bounded by the same tokens, so the tree is the one a fresh parse gives
 *       (property-tested against fresh parses in {@code NixParserTest}).</li>
 * </ul>
 * Trees with syntax errors after the edit are never built here: tree-sitter's error recovery
 * depends on the whole document.
 */
final class LocalReparse {
    /** Blocks longer than this are not parsed alone: tree-sitter's incremental reparse is no slower. */
    static final int MAX_BLOCK = 64 * 1024;
    /** How many enclosing blocks are tried, innermost first, before leaving the edit to tree-sitter. */
    private static final int MAX_TRIES = 3;
    private static final String BINDING_SET = "binding_set";
    private static final String ERROR = "ERROR";
    private static final String COMMENT = "comment";
    /** Blocks that parse alone as an expression: their first and last tokens delimit them. */
    private static final Set<String> EXPRESSION_BLOCKS = Set.of("attrset_expression", "rec_attrset_expression",
            "let_attrset_expression", "list_expression", "parenthesized_expression", "string_expression",
            "indented_string_expression");
    /** Bindings, which parse alone inside {@code { }}: each ends with its {@code ;}. */
    private static final Set<String> BINDINGS = Set.of("binding", "inherit", "inherit_from");
    /** Nodes whose gaps between children may be string text rather than whitespace between tokens. */
    private static final Set<String> STRINGS = Set.of("string_expression", "indented_string_expression");
    /** The flags a rebuilt ancestor takes from its children. */
    private static final int FROM_CHILDREN = TreeCopier.PROPAGATED | SyntaxNode.HAS_ERROR;

    /** Parses a text alone, as a document; null when nesting deeper than {@code maxDepth} was cut. */
    interface SnippetParser {
        SyntaxNode parse(String snippet, int maxDepth);
    }

    private LocalReparse() {
    }

    /** A tree built here: exact, or an approximation the caller has tree-sitter replace when there is time. */
    record Result(SyntaxNode root, boolean approximate) {
    }

    /**
     * The tree of {@code newText}, which is {@code oldRoot}'s text after {@code edit}; null when this
     * edit is left to tree-sitter. With {@code approximations} (a big text, where tree-sitter's
     * recovery over the whole document takes longer than a keystroke may), the innermost block around
     * the edit that parses alone with a syntax error keeps that error inside it (as an {@code ERROR}
     * node over the block when it no longer parses as one node), and a block that parses alone
     * without one is spliced in even where the text has errors elsewhere (left from before the edit).
     * Those trees are approximate: tree-sitter's recovery may differ (an unclosed string swallows
     * what follows).
     */
    static Result reparse(SyntaxNode oldRoot, String newText, TextEdit edit, SnippetParser parser, boolean approximations) {
        Path path = Path.to(oldRoot, edit);
        int delta = edit.newText().length() - (edit.end() - edit.start());
        int gap = (oldRoot.flags() & SyntaxNode.HAS_ERROR) == 0 ? gapOfWhitespaceEdit(path, newText, edit) : -1;
        if (gap >= 0) {
            int k = path.size() - 1;
            GreenNode node = path.node(k);
            GreenNode wider = new GreenNode(node.type, node.width + delta, node.flags, node.children,
                    shifted(node.offsets, gap, delta), node.fields);
            return new Result(path.rebuildRoot(k, wider, delta, newText), false);
        }
        return block(path, delta, newText, parser, approximations);
    }

    /**
     * A rougher approximation, for an edit that no block around it shows as an error (between the
     * modules of a list of thousands, at the top): an {@code ERROR} node where the edit is
     * ({@link #errorAt}); null when the edit lies outside the root's tokens. The edit may well leave
     * no error at all, so the caller uses this only when tree-sitter takes too long.
     */
    static SyntaxNode markEdit(SyntaxNode oldRoot, String newText, TextEdit edit) {
        // the root holds the text from its first token to its last: an edit before or after them is tree-sitter's
        if (oldRoot.start() > edit.start() || edit.end() > oldRoot.end()) {
            return null;
        }
        Path path = Path.to(oldRoot, edit);
        int delta = edit.newText().length() - (edit.end() - edit.start());
        return path.rebuildRoot(path.size() - 1, errorAt(path, edit, delta), delta, newText);
    }

    /**
     * Where no block fits (an edit between the modules of a list of thousands): the deepest node
     * around the edit with the children the edit touches, and the typed text, made one {@code ERROR}
     * leaf; the whole node becomes one when the edit lies inside a token.
     */
    private static GreenNode errorAt(Path path, TextEdit edit, int delta) {
        int k = path.size() - 1;
        GreenNode node = path.node(k);
        int flags = SyntaxNode.NAMED | SyntaxNode.ERROR | SyntaxNode.HAS_ERROR;
        if (node.children.length == 0) {
            return GreenNode.leaf(ERROR, node.width + delta, flags);
        }
        int from = edit.start() - path.start(k);
        int to = edit.end() - path.start(k);
        int first = 0;
        while (first < node.children.length && node.offsets[first] + node.children[first].width < from) {
            first++;
        }
        int last = first - 1; // the children from first to last touch the edit
        while (last + 1 < node.children.length && node.offsets[last + 1] <= to) {
            last++;
        }
        int errorStart = last >= first ? Math.min(from, node.offsets[first]) : from;
        int errorEnd = last >= first ? Math.max(to, node.offsets[last] + node.children[last].width) + delta : to + delta;
        int kept = node.children.length - (last - first + 1);
        GreenNode[] children = new GreenNode[kept + 1];
        int[] offsets = new int[kept + 1];
        String[] fields = node.fields == null ? null : new String[kept + 1];
        int out = 0;
        for (int c = 0; c <= node.children.length; c++) {
            if (c == first) {
                children[out] = GreenNode.leaf(ERROR, errorEnd - errorStart, flags);
                offsets[out++] = errorStart;
            }
            if (c < node.children.length && (c < first || c > last)) {
                children[out] = node.children[c];
                offsets[out] = node.offsets[c] + (c > last ? delta : 0);
                if (fields != null) {
                    fields[out] = node.fields[c];
                }
                out++;
            }
        }
        for (GreenNode c : children) {
            flags |= c.flags & FROM_CHILDREN;
        }
        return new GreenNode(node.type, node.width + delta, (node.flags & ~FROM_CHILDREN) | (flags & FROM_CHILDREN), children, offsets, fields);
    }

    /**
     * The innermost block on {@code path} (up to {@link #MAX_TRIES} of them) whose new text parses
     * alone into the same kind of node (or, with {@code approximations}, with a syntax error); the new
     * root with it in place, or null. One pass: each block's text is parsed once.
     */
    private static Result block(Path path, int delta, String newText, SnippetParser parser, boolean approximations) {
        int tries = 0;
        for (int k = path.size() - 1; k > 0 && tries < MAX_TRIES; k--) {
            GreenNode old = path.node(k);
            boolean binding = BINDINGS.contains(old.type);
            if (!binding && !EXPRESSION_BLOCKS.contains(old.type)) {
                continue;
            }
            int width = old.width + delta;
            if (width > MAX_BLOCK) {
                return null;
            }
            tries++;
            String text = newText.substring(path.start(k), path.start(k) + width);
            // the snippet's node sits at depth 2 (source_code, node) or 4 (source_code, set, binding_set, node)
            int snippetDepth = binding ? 4 : 2;
            SyntaxNode snippet = parser.parse(binding ? "{" + text + "}" : text, NixParser.MAX_DEPTH - (k + 1) + snippetDepth);
            boolean broken = snippet != null && snippet.hasError();
            if (snippet == null || broken && !approximations) {
                // a syntax error, or nesting too deep, is in every block around this one too: tree-sitter's
                return null;
            }
            GreenNode replacement = sole(snippet, binding, old.type, width);
            if (replacement == null && broken && !binding) {
                replacement = errorOver(snippet.green(), width);
            }
            if (replacement == null || (replacement.flags & (SyntaxNode.HAS_DOUBLE_SLASH_PATH | SyntaxNode.HAS_MISREAD_QUOTE)) != 0) {
                // another shape now (one binding became two), or text tree-sitter misreads (NixParser
                // parses those again): an outer block may take it
                continue;
            }
            SyntaxNode root = path.rebuildRoot(k, replacement, delta, newText);
            if (!root.hasError()) {
                return new Result(root, false);
            }
            return approximations ? new Result(root, true) : null;
        }
        return null;
    }

    /** An {@code ERROR} node over a block that no longer parses as one, holding what its text parsed to. */
    private static GreenNode errorOver(GreenNode snippetRoot, int width) {
        int flags = SyntaxNode.NAMED | SyntaxNode.ERROR | SyntaxNode.HAS_ERROR;
        for (GreenNode c : snippetRoot.children) {
            flags |= c.flags & TreeCopier.PROPAGATED;
        }
        return new GreenNode(ERROR, width, flags, snippetRoot.children, snippetRoot.offsets, null);
    }

    /** The snippet's one node of {@code type} over all of the block's {@code width}, or null. */
    private static GreenNode sole(SyntaxNode snippet, boolean binding, String type, int width) {
        GreenNode top = only(snippet.green(), 0, binding ? width + 2 : width);
        if (top != null && binding) {
            if (top.children.length != 3 || !top.children[1].type.equals(BINDING_SET)) {
                return null;
            }
            GreenNode set = top.children[1];
            top = set.children.length == 1 && top.offsets[1] == 1 && set.offsets[0] == 0 ? only(set, 0, width) : null;
        }
        return top != null && top.type.equals(type) ? top : null;
    }

    /** {@code parent}'s only child when it starts at {@code start} and is {@code width} long, else null. */
    private static GreenNode only(GreenNode parent, int start, int width) {
        return parent.children.length == 1 && parent.offsets[0] == start && parent.children[0].width == width
                ? parent.children[0] : null;
    }

    /**
     * When {@code edit} only changes whitespace inside the whitespace between two children of the
     * deepest node that contains it, leaving some there (no token changes then): the index of the
     * child before that whitespace; else -1.
     */
    private static int gapOfWhitespaceEdit(Path path, String newText, TextEdit edit) {
        int k = path.size() - 1;
        GreenNode node = path.node(k);
        if (STRINGS.contains(node.type) || !isWhitespace(edit.newText(), 0, edit.newText().length())) {
            return -1;
        }
        int i = lastChildFrom(node, edit.start() - path.start(k));
        if (i < 0 || i + 1 >= node.children.length) {
            return -1;
        }
        int gapStart = path.start(k) + node.offsets[i] + node.children[i].width;
        int gapEnd = path.start(k) + node.offsets[i + 1];
        int newGapEnd = gapEnd + edit.newText().length() - (edit.end() - edit.start());
        if (gapStart > edit.start() || edit.end() > gapEnd || gapStart == gapEnd || gapStart == newGapEnd) {
            return -1;
        }
        // a # comment runs to the end of its line: whitespace typed right after it would join it
        if (edit.start() == gapStart && lastLeaf(node.children[i]).type.equals(COMMENT)) {
            return -1;
        }
        return isWhitespace(newText, gapStart, newGapEnd) ? i : -1;
    }

    /** {@code offsets} with those of the children after child {@code i} moved by {@code delta}. */
    private static int[] shifted(int[] offsets, int i, int delta) {
        int[] moved = offsets.clone();
        for (int c = i + 1; c < moved.length; c++) {
            moved[c] += delta;
        }
        return moved;
    }

    private static GreenNode lastLeaf(GreenNode node) {
        while (node.children.length > 0) {
            node = node.children[node.children.length - 1];
        }
        return node;
    }

    private static boolean isWhitespace(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The last child of {@code node} that starts at or before {@code offset} (relative), or -1. */
    private static int lastChildFrom(GreenNode node, int offset) {
        int i = Arrays.binarySearch(node.offsets, offset);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < node.offsets.length && node.offsets[i + 1] == offset) { // zero-width children share a start
            i++;
        }
        return i;
    }

    /** The nodes from the root down to the deepest one that contains an edit strictly, with their starts. */
    private static final class Path {
        private GreenNode[] nodes = new GreenNode[16];
        private int[] starts = new int[16];
        /** {@code childIndex[k]}: which child of node k is node k + 1. */
        private int[] childIndex = new int[16];
        private int size;

        /** The path in the tree of {@code root}, which starts at its first token (after any leading whitespace). */
        static Path to(SyntaxNode root, TextEdit edit) {
            Path path = new Path();
            GreenNode node = root.green();
            int start = root.start();
            path.add(node, start);
            while (true) {
                int i = lastChildFrom(node, edit.start() - start);
                if (i < 0) {
                    return path;
                }
                GreenNode child = node.children[i];
                int childStart = start + node.offsets[i];
                if (childStart >= edit.start() || edit.end() >= childStart + child.width) {
                    return path;
                }
                path.childIndex[path.size - 1] = i;
                path.add(child, childStart);
                node = child;
                start = childStart;
            }
        }

        private void add(GreenNode node, int start) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, 2 * size);
                starts = Arrays.copyOf(starts, 2 * size);
                childIndex = Arrays.copyOf(childIndex, 2 * size);
            }
            nodes[size] = node;
            starts[size++] = start;
        }

        int size() {
            return size;
        }

        GreenNode node(int k) {
            return nodes[k];
        }

        int start(int k) {
            return starts[k];
        }

        /**
         * The new root when node {@code k} becomes {@code replacement} and every ancestor grows by
         * {@code delta}: each ancestor is copied with that one child replaced, the later children
         * moved, its flags taken again from its own marks and its children's.
         */
        SyntaxNode rebuildRoot(int k, GreenNode replacement, int delta, String newText) {
            return new SyntaxNode(rebuild(k, replacement, delta, newText), starts[0], null);
        }

        private GreenNode rebuild(int k, GreenNode replacement, int delta, String newText) {
            GreenNode node = replacement;
            for (int j = k - 1; j >= 0; j--) {
                GreenNode parent = nodes[j];
                int i = childIndex[j];
                GreenNode[] children = parent.children.clone();
                children[i] = node;
                int[] offsets = shifted(parent.offsets, i, delta);
                int flags = parent.flags & ~FROM_CHILDREN;
                if ((parent.flags & (SyntaxNode.ERROR | SyntaxNode.MISSING)) != 0) {
                    flags |= SyntaxNode.HAS_ERROR;
                }
                for (GreenNode c : children) {
                    flags |= c.flags & FROM_CHILDREN;
                }
                flags |= NixLexerRules.marks(parent.type, newText, starts[j], starts[j] + parent.width + delta);
                node = new GreenNode(parent.type, parent.width + delta, flags, children, offsets, parent.fields);
            }
            return node;
        }
    }
}
