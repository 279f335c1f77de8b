package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import io.github.treesitter.jtreesitter.InputEdit;
import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Point;
import io.github.treesitter.jtreesitter.Tree;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.text.TextEdit;
import rxlsp.testing.RandomEdits;

class NixParserTest {
    private static final String MODULE = """
            { config, lib, pkgs, ... }:
            let
              inherit (lib) mkIf;
              name = "wörld 😀";
            in {
              services.a = { enable = true; port = 80; };
              rx.mcl.raw = [ ''
                file "/tmp/x" {
                \tcontent => "hi ''${name}",
                }
              '' ];
              list = [ 1 2 3 (x: x + 1) ];
            }
            """;

    @Test
    void copiesNamedStructureWithFieldsAndOffsets() {
        try (NixParser parser = new NixParser()) {
            NixSyntaxTree tree = parser.parse("{ a = 1; }");
            assertEquals("(source_code expression: (attrset_expression (binding_set binding: (binding attrpath: "
                    + "(attrpath attr: (identifier)) expression: (integer_expression)))))", SyntaxTreePrinter.sexp(tree.root()));
            SyntaxNode binding = tree.root().children().get(0).children().get(1).children().get(0);
            assertEquals("a = 1;", binding.text(tree.text()));
        }
    }

    @Test
    void offsetsAreUtf16IndexesEvenAfterNonAsciiText() {
        try (NixParser parser = new NixParser()) {
            String text = "{ a = \"ä😀\"; b = 2; }";
            NixSyntaxTree tree = parser.parse(text);
            SyntaxNode set = tree.root().child("expression").orElseThrow().children().get(1);
            SyntaxNode second = set.children("binding").get(1);
            assertEquals(text.indexOf("b = 2;"), second.start());
            assertEquals("b = 2;", second.text(text));
        }
    }

    /** Incremental reparses, with subtree reuse, must give exactly the tree a fresh parse gives. */
    @Test
    void incrementalReparseEqualsFreshParseOverRandomEdits() {
        assertIncrementalEqualsFresh(MODULE, new String[] {"x", " ", "\n", "{", "}", "\"", "''", ";", "ä", "😀", "\t", "\r\n",
                "a = 1;", "${", "[ 1 ]"}, 42);
    }

    /**
     * The same around what tree-sitter reads differently from the text ({@link TreeSitterInput}): a
     * carriage return ending a comment, {@code ~/${}, and {@code //} glued to a name, which needs a
     * parse with an inserted space (and none of the old tree's reuse afterwards).
     */
    @Test
    void incrementalReparseEqualsFreshParseAroundNixsLexerRules() {
        String module = "{ a ? { }, b ? { }, c ? 1 }:\n{\n  x = a //b; # note\r  y = ~/${\"n\"};\n"
                + "  z = [ #\r c ./a/${\"b\"} ];\n  w = c < 2;\n}\n";
        assertIncrementalEqualsFresh(module, new String[] {"/", "//", "~", "~/", "${", "}", "\r", "#", "\n", " ", "b", "'", "\"",
                "<", "==", "9223372036854775808", "1.0e999", "./a/", "a//b"}, 7);
    }

    private static void assertIncrementalEqualsFresh(String module, String[] inserts, long seed) {
        Random random = new Random(seed);
        try (NixParser incremental = new NixParser(); NixParser fresh = new NixParser()) {
            String text = module;
            incremental.parse(text);
            for (int i = 0; i < 400; i++) {
                int start = random.nextInt(text.length() + 1);
                int removed = random.nextBoolean() ? 0 : random.nextInt(4);
                String insert = random.nextInt(3) == 0 ? "" : inserts[random.nextInt(inserts.length)];
                TextEdit edit = RandomEdits.of(text, start, removed, insert);
                String next = edit.applyTo(text);
                NixSyntaxTree a = incremental.reparse(List.of(edit));
                NixSyntaxTree b = fresh.parse(next);
                assertEquals(shape(b.root()), shape(a.root()), "after edit " + i + " " + edit);
                text = next;
                if (i % 50 == 49) {
                    text = module; // come back to a sane module now and then
                    incremental.parse(text);
                }
            }
        }
    }

    /**
     * A long session without a fresh parse: the kept subtree copies are updated in place after
     * each reparse, so after every edit the copy must be exactly tree-sitter's own incrementally
     * parsed tree (read through its public API), and the copies kept must be exactly those of the
     * current tree (a dead subtree's id may come back for another one).
     */
    @Test
    void aLongSessionOfEditsCopiesTreeSittersTreeAndKeepsNoDeadCopies() {
        final int edits = 300;
        Random random = new Random(7);
        String[] inserts = {"x", " ", "\n", "{", "}", "\"", ";", "a = 1;", "[ 1 ]", "let y = 2; in y", "(", ")", "é"};
        int differentFromFresh = 0;
        int locally = 0;
        try (NixParser incremental = new NixParser(); NixParser fresh = new NixParser();
             Parser reference = new Parser(io.github.treesitter.jtreesitter.Language.load(NativeLibraries.nixGrammar(), "tree_sitter_nix"))) {
            String text = NixSamples.largeModule(25);
            incremental.parse(text);
            Tree tree = reference.parse(text, InputEncoding.UTF_16LE).orElseThrow();
            for (int i = 0; i < edits; i++) {
                int start = random.nextInt(text.length() + 1);
                int end = Math.min(text.length(), start + (random.nextInt(3) == 0 ? random.nextInt(40) : 0));
                TextEdit edit = new TextEdit(start, end, random.nextInt(4) == 0 ? "" : inserts[random.nextInt(inserts.length)]);
                String next = edit.applyTo(text);
                NixSyntaxTree copied = incremental.reparse(List.of(edit));
                tree.edit(new InputEdit(2 * start, 2 * end, 2 * edit.newEnd(), point(text, start), point(text, end), point(next, edit.newEnd())));
                if (incremental.lastReparseWasLocal()) {
                    // built without tree-sitter, which parses the edits it was told of at the next reparse
                    locally++;
                    assertFalse(copied.root().hasError(), "a tree with syntax errors built locally after edit " + i);
                } else {
                    Tree reparsed = reference.parse(next, InputEncoding.UTF_16LE, tree).orElseThrow();
                    tree.close();
                    tree = reparsed;
                }
                if (!copied.depthLimited() && !incremental.lastReparseWasLocal()) {
                    List<String> expected = new ArrayList<>();
                    TreeCopierTest.describe(tree.walk(), next, expected);
                    List<String> actual = new ArrayList<>();
                    TreeCopierTest.describe(copied.root(), actual);
                    assertEquals(String.join("\n", expected), String.join("\n", actual), "after edit " + i + " " + edit);
                    assertTrue(incremental.keepsOnlyLiveCopies(), "a dead subtree copy is kept after edit " + i);
                }
                NixSyntaxTree freshTree = fresh.parse(next);
                if (!shape(freshTree.root()).equals(shape(copied.root()))) {
                    differentFromFresh++;
                    // only error recovery may differ: a text without syntax errors has one tree
                    assertTrue(freshTree.root().hasError() && copied.root().hasError(), "a valid text parsed differently after edit " + i);
                }
                text = next;
            }
            tree.close();
        }
        System.out.println("long incremental session: " + locally + " of " + edits + " edits reparsed locally; "
                + differentFromFresh + " of " + edits + " versions, all with syntax"
                + " errors, differ from a fresh parse (tree-sitter's incremental error recovery reuses what a fresh one"
                + " would not); the copy equals tree-sitter's incremental tree in every one");
    }

    /** tree-sitter's point of an offset in UTF-16 input: rows by line feed, columns in bytes. */
    private static Point point(String text, int offset) {
        int row = 0;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            row++;
            lineStart = i + 1;
        }
        return new Point(row, 2 * (offset - lineStart));
    }

    @Test
    void treeSitterInputMapsInsertedSpacesBack() {
        TreeSitterInput input = TreeSitterInput.withSpacesAt("a//b//c", new int[] {3, 6});
        assertEquals("a// b// c", new String(input.chars()));
        assertEquals(0, input.toDocument(0));
        assertEquals(3, input.toDocument(3), "before the first inserted space");
        assertEquals(3, input.toDocument(4), "after it");
        assertEquals(5, input.toDocument(6));
        assertEquals(6, input.toDocument(8));
        assertEquals(7, input.toDocument(9));
        assertEquals("[\n#\n1 ]\n\n~\t./${x} a /${y}", new String(TreeSitterInput.of("[\r#\r1 ]\r\n~\t~/${x} a~/${y}").chars()));
    }

    @Test
    void severalEditsInOneReparse() {
        try (NixParser parser = new NixParser(); NixParser fresh = new NixParser()) {
            parser.parse("{ a = 1; b = 2; }");
            List<TextEdit> edits = List.of(new TextEdit(6, 7, "10"), new TextEdit(14, 15, "20"));
            NixSyntaxTree tree = parser.reparse(edits);
            assertEquals("{ a = 10; b = 20; }", tree.text());
            assertEquals(shape(fresh.parse("{ a = 10; b = 20; }").root()), shape(tree.root()));
        }
    }

    @Test
    void deepNestingIsCutWithoutOverflowing() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        try (NixParser parser = new NixParser()) {
            NixSyntaxTree tree = parser.parse(deep);
            assertTrue(tree.depthLimited());
            NixSyntaxTree shallow = parser.parse("[".repeat(100) + "]".repeat(100));
            assertFalse(shallow.depthLimited());
        }
    }

    /** Every node with its type, field, range and flags, in pre-order: trees compare by this, not by identity. */
    static String shape(SyntaxNode root) {
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            out.append(n.type()).append(' ').append(n.field()).append(' ').append(n.start()).append('-').append(n.end())
                    .append(' ').append(n.flags()).append('\n');
            List<SyntaxNode> kids = n.children();
            for (int k = kids.size() - 1; k >= 0; k--) {
                work.push(kids.get(k));
            }
        }
        return out.toString();
    }
}
