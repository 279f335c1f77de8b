package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;
import io.github.treesitter.jtreesitter.TreeCursor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copy reads tree-sitter's private structures ({@link SubtreeLayout}); this compares every copied
 * node with what tree-sitter's public API (through jtreesitter) says about it, over the fixtures,
 * the shared corpus when present, and broken variants of them, so a layout that differs fails here.
 */
class TreeCopierTest {
    private static final String[] SNIPPETS = {
        "", "{ a = 1; }", "{ a = ; b = \"x; c = [ 1 2 ", "let x = 1; # comment\n in x /* c */",
        "{ a, b ? 2, ... }@args: a + b", "''\n  ${x} ''${y}\n''", "if a then b", "{ a.b = 1; a.\"c\" = ${d}; }",
        "f (x: x) [ 1 2.5 ./p <nixpkgs> https://x.org ] ", "rec { inherit (a) b c; inherit d; } } }", "((((",
        "assert a; with b; c.d or e", "\"\\u{1F600}é${x}\" + ''é''", "x: y: x ? y && !z -> w // v ++ u",
    };

    /** The snippets, fixtures, part of the shared corpus when present, and a broken variant of each. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>(List.of(SNIPPETS));
        texts.add(NixSamples.largeModule(20));
        texts.addAll(nixFiles(Path.of("../test-fixtures"), 400));
        texts.addAll(nixFiles(Path.of("../../shared/corpus/nix"), 120));
        Random random = new Random(3);
        List<String> broken = new ArrayList<>();
        for (String t : texts) {
            broken.add(breakRandomly(t, random));
        }
        texts.addAll(broken);
        return texts;
    }

    /**
     * The build's own library has rx-lsp's native walk ({@code rxlsp-walk.c}), used for every tree
     * with nothing to reuse; libraries given from outside lack it and are walked with the cursor.
     * Both walks must copy alike: nodes, depth cuts, and the subtrees kept for reuse.
     */
    @Test
    void nativeWalkCopiesAsTheCursorWalkDoes() throws IOException {
        assertNotNull(TreeSitterCalls.WALK_NEXT, "the tree-sitter library this build compiled lacks rxlsp_walk_next");
        List<String> texts = texts();
        texts.add("[".repeat(300) + "]".repeat(300)); // deeper than the cut below
        texts.add(NixSamples.largeModule(400)); // more nodes than one call of the walk writes
        for (String text : texts) {
            for (int maxDepth : new int[] {3, 200}) {
                assertEquals(null, walksDiffer(text, maxDepth), text);
            }
        }
    }

    /**
     * Parses {@code text} and copies the tree with both walks, keeping subtrees
     * for reuse: null if the copies are alike (nodes, depth cut, kept subtrees), else what differs.
     * Also run by the Nix fuzz target over broken texts.
     */
    static String walksDiffer(String text, int maxDepth) {
        char[] chars = TreeSitterInput.of(text).chars();
        MemorySegment parser = TreeSitterCalls.newNixParser();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocate(2L * chars.length + 2, 2);
            MemorySegment.copy(chars, 0, input, ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0,
                    chars.length);
            MemorySegment tree = TreeSitterCalls.parseUtf16(parser, MemorySegment.NULL, input, 2 * chars.length);
            try {
                ReuseMap keptByNative = new ReuseMap();
                ReuseMap keptByCursor = new ReuseMap();
                TreeCopier.Copy a = TreeCopier.copy(tree, text, null, maxDepth, keptByNative, 1, true);
                TreeCopier.Copy b = TreeCopier.copy(tree, text, null, maxDepth, keptByCursor, 1, false);
                List<String> nativeLines = new ArrayList<>();
                describe(a.root(), nativeLines);
                List<String> cursorLines = new ArrayList<>();
                describe(b.root(), cursorLines);
                if (!nativeLines.equals(cursorLines)) {
                    int i = 0;
                    while (i < Math.min(nativeLines.size(), cursorLines.size()) && nativeLines.get(i).equals(cursorLines.get(i))) {
                        i++;
                    }
                    return "node " + i + ": native walk " + (i < nativeLines.size() ? nativeLines.get(i) : "(none)")
                            + ", cursor walk " + (i < cursorLines.size() ? cursorLines.get(i) : "(none)");
                }
                if (a.depthLimited() != b.depthLimited() || !java.util.Arrays.equals(a.tops(), b.tops())
                        || keptByNative.size() != keptByCursor.size()) {
                    return "depth cut or kept subtrees differ";
                }
                return null;
            } finally {
                TreeSitterCalls.deleteTree(tree);
            }
        } finally {
            TreeSitterCalls.deleteParser(parser);
        }
    }

    @Test
    void copyMatchesTreeSittersOwnAccessors() throws IOException {
        List<String> texts = texts();
        try (Parser reference = new Parser(io.github.treesitter.jtreesitter.Language.load(NativeLibraries.nixGrammar(), "tree_sitter_nix")); NixParser parser = NixParser.forSingleParses()) {
            for (String text : texts) {
                NixSyntaxTree parsed = parser.parse(text);
                if (parsed.depthLimited() || text.length() > 1_000_000) {
                    continue; // cut on purpose (NixParserTest covers it); too deep to describe recursively
                }
                SyntaxNode copied = parsed.root();
                String read = new String(TreeSitterInput.of(text).chars()); // what rx-lsp hands tree-sitter
                try (Tree tree = reference.parse(read, InputEncoding.UTF_16LE).orElseThrow()) {
                    if (hasMisreadUpdateOperator(tree.getRootNode(), text)
                            || tree.getRootNode().hasError() && text.contains("''''${")) {
                        // rx-lsp parsed it again with inserted spaces (GrammarGaps.quoteSplits for the
                        // latter): tree-sitter's offsets are not the text's
                        continue;
                    }
                    List<String> expected = new ArrayList<>();
                    describe(tree.walk(), text, expected);
                    List<String> actual = new ArrayList<>();
                    describe(copied, actual);
                    assertEquals(String.join("\n", expected), String.join("\n", actual), text);
                }
            }
        }
    }

    private static boolean hasMisreadUpdateOperator(Node node, String text) {
        if (node.getType().equals("path_expression")
                && NixPaths.updateOperatorEnd(text, node.getStartByte() / 2, node.getEndByte() / 2) >= 0) {
            return true;
        }
        for (Node child : node.getChildren()) {
            if (hasMisreadUpdateOperator(child, text)) {
                return true;
            }
        }
        return false;
    }

    private static String breakRandomly(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < 3; i++) {
            int at = b.isEmpty() ? 0 : random.nextInt(b.length());
            String chars = ";{}\"=(''$";
            b.insert(at, chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static List<String> nixFiles(Path dir, int max) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".nix") && Files.isRegularFile(f)).sorted().limit(max).toList()) {
                out.add(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.UTF_8));
            }
            return out;
        }
    }

    /** Spellings an identifier may have that the copy marks {@link SyntaxNode#HAS_KEYWORD_NAME}. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("if", "then", "else", "assert", "with", "let",
            "in", "rec", "inherit", "or");

    /**
     * Pre-order lines from tree-sitter's cursor, with the flags rx-lsp derives from its accessors;
     * returns the flags the subtree passes up ({@link TreeCopier#PROPAGATED}).
     */
    static int describe(TreeCursor cursor, String text, List<String> out) {
        Node n = cursor.getCurrentNode();
        int flags = 0;
        if (n.isNamed()) {
            flags |= SyntaxNode.NAMED;
        }
        if (n.isError()) {
            flags |= SyntaxNode.ERROR | SyntaxNode.HAS_ERROR;
        }
        if (n.isMissing()) {
            flags |= SyntaxNode.MISSING | SyntaxNode.HAS_ERROR;
        }
        if (n.isNamed() && !n.isError() && n.isExtra()) {
            flags |= SyntaxNode.EXTRA;
        }
        if (n.hasError()) {
            flags |= SyntaxNode.HAS_ERROR;
        }
        int start = n.getStartByte() / 2;
        int end = n.getEndByte() / 2;
        int up = n.getType().equals("identifier") && KEYWORDS.contains(text.substring(start, end)) ? SyntaxNode.HAS_KEYWORD_NAME
                : NixLexerRules.marks(n.getType(), text, start, end);
        int at = out.size();
        out.add(null);
        String field = cursor.getCurrentFieldName();
        if (cursor.gotoFirstChild()) {
            do {
                up |= describe(cursor, text, out);
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
        }
        out.set(at, line(n.getType(), field, start, end, flags | up));
        return up;
    }

    static void describe(SyntaxNode n, List<String> out) {
        out.add(line(n.type(), n.field(), n.start(), n.end(), n.flags()));
        for (SyntaxNode c : n.children()) {
            describe(c, out);
        }
    }

    private static String line(String type, String field, int start, int end, int flags) {
        return type + " " + field + " " + start + "-" + end + " " + flags;
    }
}
