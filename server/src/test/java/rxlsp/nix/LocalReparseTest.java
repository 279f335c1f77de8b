package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.TextEdit;

/**
 * A tree built by {@link LocalReparse} must be exactly the tree a fresh parse gives, and typing in
 * a big document must take that path (it is what keeps a keystroke in a 10 MB module cheap).
 */
class LocalReparseTest {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** What people type besides letters: each may break the text, or join or split tokens and bindings. */
    private static final String[] OTHER = {" ", "\n", "\t", "\r\n", ";", "{", "}", "\"", "=", "(", ")", "[", "]", "#", "/*",
            "''", "${", "a = 1;", "; b = 2", "é", "😀", ".", "//", "/"};

    /**
     * Typing and deleting over real modules, each version built locally compared with a fresh parse;
     * most edits that leave no syntax error must be built locally.
     */
    @Test
    void equalsAFreshParseAfterEveryEditOverTheCorpus() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ProjectPaths.corpus().resolve("nix"))) {
            files = walk.filter(f -> f.toString().endsWith(".nix") && Files.isRegularFile(f)).sorted().toList();
        }
        Random random = new Random(11);
        int edits = 0;
        int local = 0;
        int validElsewhere = 0;
        try (NixParser incremental = new NixParser(); NixParser fresh = NixParser.forSingleParses()) {
            for (int f = 0; f < files.size(); f += 9) { // every ninth file: ~60 modules of all sizes
                String text = new String(Files.readAllBytes(files.get(f)), StandardCharsets.UTF_8);
                if (text.isEmpty()) {
                    continue;
                }
                incremental.parse(text);
                for (int i = 0; i < 60; i++) {
                    TextEdit edit = typing(text, random);
                    String next = edit.applyTo(text);
                    // a keystroke, then (mostly) its undo: a breaking one is usually mended soon after
                    TextEdit undo = new TextEdit(edit.start(), edit.newEnd(), text.substring(edit.start(), edit.end()));
                    for (TextEdit e : random.nextInt(4) == 0 ? List.of(edit) : List.of(edit, undo)) {
                        String after = e.applyTo(text);
                        NixSyntaxTree tree = incremental.reparse(List.of(e));
                        edits++;
                        if (incremental.lastReparseWasLocal()) {
                            local++;
                            NixSyntaxTree expected = fresh.parse(after);
                            assertFalse(expected.root().hasError(), "built locally although the text has syntax errors: " + e);
                            assertEquals(NixParserTest.shape(expected.root()), NixParserTest.shape(tree.root()),
                                    files.get(f) + " after " + e);
                        } else if (!tree.root().hasError()) {
                            validElsewhere++; // edits outside any block (top level, end of file, comments) are tree-sitter's
                        }
                        text = after;
                    }
                }
            }
        }
        System.out.println("local reparse over the corpus: " + local + " of " + edits + " edits; " + validElsewhere
                + " more without syntax errors were tree-sitter's");
        assertTrue(local > 4 * validElsewhere, "only " + local + " of " + (local + validElsewhere)
                + " edits leading to texts without syntax errors were reparsed locally");
    }

    /** A keystroke: mostly a letter after a letter, else whitespace or one of {@link #OTHER}; or a deletion. */
    private static TextEdit typing(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        if (random.nextInt(5) == 0) {
            int end = Math.min(text.length(), at + 1 + random.nextInt(3));
            return new TextEdit(at, end, "");
        }
        if (random.nextInt(3) > 0) {
            while (at < text.length() && (at == 0 || !Character.isLetter(text.charAt(at - 1)))) {
                at++;
            }
            return new TextEdit(at, at, String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length()))));
        }
        String typed = OTHER[random.nextInt(OTHER.length)];
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
            at--;
        }
        return new TextEdit(at, at, typed);
    }

    @Test
    void aLetterInABindingDeepInABigListIsLocal() {
        String module = NixSamples.largeModule(200);
        try (NixParser parser = new NixParser()) {
            parser.parse(module);
            int at = module.lastIndexOf(" = ") - 1;
            NixSyntaxTree tree = parser.reparse(List.of(new TextEdit(at, at, "q")));
            assertTrue(parser.lastReparseWasLocal());
            try (NixParser fresh = NixParser.forSingleParses()) {
                assertEquals(NixParserTest.shape(fresh.parse(tree.text()).root()), NixParserTest.shape(tree.root()));
            }
        }
    }

    /** Cases at the edges of what may be built locally: each compared with a fresh parse, and whether it was. */
    @Test
    void edgesOfTheLocalCases() {
        record Case(String before, int at, int removed, String typed, boolean local) {
        }
        List<Case> cases = List.of(
                new Case("{ a = 1;  b = 2; }", 9, 0, " ", true), // whitespace between bindings
                new Case("{ a = 1;\n  b = 2; }", 9, 0, "\n", true),
                new Case("{ a = 1;\n  b = 2; }", 10, 1, "", true), // deleting some of the whitespace
                new Case("{ a = 1; b = 2; }", 8, 1, "", true), // deleting all of it: not whitespace between tokens, but the set
                new Case("{ a = 1; # note\n  b = 2; }", 15, 0, " ", true), // right after a comment it joins the comment: the set
                new Case("{ a = 1; # note\n  b = 2; }", 16, 0, " ", true),
                new Case("{ a = 1; b = 2; }", 3, 0, "x", true), // a letter in a name: the binding alone
                new Case("{ a = 1; b = 2; }", 7, 0, "; c = 3", true), // one binding becomes two: the set
                new Case("{ a = 1; b = 2; }", 7, 0, "=", false), // a syntax error: tree-sitter's recovery
                new Case("{ a = \"x y\"; }", 8, 0, " ", true), // whitespace inside a string is text: the string
                new Case("{ a = ''\n  x\n''; }", 10, 0, "q", true),
                new Case("{ a = [ 1 2 ]; }", 9, 0, " 3", true),
                new Case("{ a = [ 1 2 ]; }", 9, 0, "\"", false),
                new Case("{ a = b //c; }", 9, 0, "x", false), // // glued to a name needs the split parse
                new Case("{ a = \"x\"; }", 7, 0, "é", true));
        try (NixParser parser = new NixParser(); NixParser fresh = NixParser.forSingleParses()) {
            for (Case c : cases) {
                parser.parse(c.before());
                TextEdit edit = new TextEdit(c.at(), c.at() + c.removed(), c.typed());
                NixSyntaxTree tree = parser.reparse(List.of(edit));
                assertEquals(NixParserTest.shape(fresh.parse(tree.text()).root()), NixParserTest.shape(tree.root()), c.toString());
                assertEquals(c.local(), parser.lastReparseWasLocal(), c.toString());
            }
        }
    }

    /** After local reparses, tree-sitter's own reparse (of all the edits it was told of) still agrees. */
    @Test
    void treeSitterCatchesUpAfterLocalReparses() {
        try (NixParser parser = new NixParser(); NixParser fresh = NixParser.forSingleParses()) {
            String text = "{\n  a = 1;\n  b = [ 1 2 ];\n  c = \"x\";\n}\n";
            parser.parse(text);
            List<TextEdit> edits = List.of(new TextEdit(3, 3, "q"), new TextEdit(20, 20, " 3"), new TextEdit(4, 4, "\n"),
                    new TextEdit(31, 31, "{"), new TextEdit(31, 32, ""), new TextEdit(3, 4, ""));
            for (TextEdit edit : edits) {
                NixSyntaxTree tree = parser.reparse(List.of(edit));
                text = edit.applyTo(text);
                assertEquals(text, tree.text());
                NixSyntaxTree expected = fresh.parse(text);
                if (!expected.root().hasError()) {
                    assertEquals(NixParserTest.shape(expected.root()), NixParserTest.shape(tree.root()), edit.toString());
                }
            }
        }
    }

    /** An error typed in a block stays inside it in an approximation; what lies outside is the old tree's. */
    @Test
    void anApproximationKeepsTheErrorInsideTheBlock() {
        String text = "{\n  a = { b = 1; };\n  c = \"y\";\n}\n";
        int blockStart = text.indexOf("{ b");
        try (NixParser parser = new NixParser(); NixParser fresh = NixParser.forSingleParses()) {
            for (String typed : new String[] {"=", "\"", "(", "{", "}"}) {
                SyntaxNode old = parser.parse(text).root();
                int at = text.indexOf("1;") + 1;
                TextEdit edit = new TextEdit(at, at, typed);
                String next = edit.applyTo(text);
                LocalReparse.Result approximation = LocalReparse.reparse(old, next, edit, parser.snippetParser(), true);
                assertNotNull(approximation, typed);
                SyntaxNode root = approximation.root();
                assertTrue(root.hasError(), typed);
                int blockEnd = blockStart + "{ b = 1; }".length() + 1;
                for (SyntaxNode error : nodes(root, n -> n.isError() || n.isMissing())) {
                    assertTrue(error.start() >= blockStart && error.end() <= blockEnd, typed + ": " + error + " outside the block");
                }
                SyntaxNode c = nodes(root, n -> n.is("binding") && n.text(next).startsWith("c")).get(0);
                SyntaxNode oldC = nodes(old, n -> n.is("binding") && n.text(text).startsWith("c")).get(0);
                assertSame(oldC.green(), c.green(), typed + ": the binding after the block is the old one");
                assertEquals(oldC.start() + 1, c.start());
                // and undoing the keystroke gives back exactly the tree of the text
                TextEdit undo = new TextEdit(at, at + 1, "");
                LocalReparse.Result back = LocalReparse.reparse(root, text, undo, parser.snippetParser(), false);
                assertNotNull(back, typed);
                assertEquals(NixParserTest.shape(fresh.parse(text).root()), NixParserTest.shape(back.root()), typed);
            }
        }
    }

    /**
     * Between the modules of a list too long to parse alone, a keystroke that breaks the text is
     * marked where it is; undoing it gives back the exact tree kept from before.
     */
    @Test
    void anErrorBetweenTheElementsOfAHugeListIsMarkedWhereItIs() {
        String text = "[\n" + "  { a = 1; }\n".repeat(LocalReparse.MAX_BLOCK / 10) + "]\n";
        int at = text.indexOf("}\n  {", text.length() / 2) + 2;
        try (NixParser parser = new NixParser(0, 1); NixParser fresh = NixParser.forSingleParses()) {
            SyntaxNode exact = parser.parse(text).root();
            NixSyntaxTree broken = parser.reparse(List.of(new TextEdit(at, at, "(")));
            assertTrue(parser.approximate());
            List<SyntaxNode> errors = nodes(broken.root(), SyntaxNode::isError);
            assertEquals(1, errors.size());
            assertEquals(new rxlsp.text.TextRange(at, at + 1), errors.get(0).range());
            NixSyntaxTree back = parser.reparse(List.of(new TextEdit(at, at + 1, "")));
            assertFalse(parser.approximate());
            assertSame(exact.green(), back.root().green(), "the exact tree from before the keystroke");
            NixSyntaxTree refined = parser.reparse(List.of(new TextEdit(at, at, "x")));
            assertEquals(NixParserTest.shape(fresh.parse(refined.text()).root()),
                    NixParserTest.shape(parser.approximate() ? parser.refine(() -> false).root() : refined.root()));
        }
    }

    /**
     * A big text's first copy keeps no subtrees for reuse; the first reparse by tree-sitter copies
     * the whole tree (exactly) and keeps them, and the next one reuses them.
     */
    @Test
    void aBigTextKeepsItsSubtreesFromItsFirstReparseByTreeSitterOn() {
        String text = "[\n" + "  { a = 1; b = [ 1 2 ]; }\n".repeat(NixParser.LAZY_REUSE_FROM / 24) + "]\n";
        try (NixParser parser = new NixParser(Integer.MAX_VALUE, NixParser.BUDGET_MICROS); NixParser fresh = NixParser.forSingleParses()) {
            parser.parse(text);
            assertEquals(0, parser.keptCopies());
            // a comment before the list is no block's: tree-sitter reparses
            for (String comment : new String[] {"# one\n", "# two\n"}) {
                NixSyntaxTree tree = parser.reparse(List.of(new TextEdit(0, 0, comment)));
                text = comment + text;
                assertFalse(parser.lastReparseWasLocal());
                assertEquals(NixParserTest.shape(fresh.parse(text).root()), NixParserTest.shape(tree.root()));
                assertTrue(parser.keptCopies() > 10_000, parser.keptCopies() + " copies kept");
                assertTrue(parser.keepsOnlyLiveCopies());
            }
        }
    }

    /**
     * In a big file with a syntax error left somewhere, typing elsewhere is still reparsed locally:
     * approximately (tree-sitter's recovery of the old error may change), refined to tree-sitter's tree.
     */
    @Test
    void aBigFileWithAnErrorElsewhereIsEditedLocally() {
        String text = "{\n  broken = (;\n" + "  m = { a = \"x\"; b = [ 1 2 ]; };\n".repeat(10_000) + "}\n";
        int at = text.indexOf("a = ", text.length() / 2) + 1;
        try (NixParser parser = new NixParser(); NixParser reference = new NixParser(Integer.MAX_VALUE, NixParser.BUDGET_MICROS)) {
            SyntaxNode before = parser.parse(text).root();
            assertTrue(before.hasError());
            reference.parse(text);
            TextEdit edit = new TextEdit(at, at, "b");
            NixSyntaxTree tree = parser.reparse(List.of(edit));
            assertTrue(parser.lastReparseWasLocal() && parser.approximate());
            assertEquals(nodes(before, n -> n.isError() || n.isMissing()), nodes(tree.root(), n -> n.isError() || n.isMissing()),
                    "the old errors only, where they were");
            NixSyntaxTree refined = parser.refine(() -> false);
            assertEquals(NixParserTest.shape(reference.reparse(List.of(edit)).root()), NixParserTest.shape(refined.root()));
        }
    }

    /** A refinement stops soon when cancelled from another thread, and the tree stays approximate until one finishes. */
    @Test
    void aRefinementIsCancelledByANewerEdit() throws Exception {
        String text = "[\n" + "  { a = \"x\"; b = [ 1 2 ]; }\n".repeat(80_000) + "]\n"; // 2.4 MB
        int at = text.indexOf("\"x\"", text.length() / 3) + 1;
        try (NixParser parser = new NixParser(); NixParser reference = new NixParser(Integer.MAX_VALUE, NixParser.BUDGET_MICROS)) {
            parser.parse(text);
            reference.parse(text);
            TextEdit edit = new TextEdit(at, at, "\""); // every later string now reads the other way round
            parser.reparse(List.of(edit));
            assertTrue(parser.approximate());
            // newer edits keep coming, one a millisecond, until the refinement gives way
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread canceller = new Thread(() -> {
                while (!done.get()) {
                    parser.cancelRefinement();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            canceller.start();
            NixSyntaxTree cancelled = parser.refine(() -> false);
            long took = (System.nanoTime() - start) / 1_000_000;
            done.set(true);
            canceller.join();
            assertEquals(null, cancelled, "cancelled after " + took + " ms");
            assertTrue(parser.approximate());
            assertTrue(parser.refine(() -> true) == null && parser.approximate(), "stop asked before it starts");
            NixSyntaxTree refined = parser.refine(() -> false);
            assertFalse(parser.approximate());
            assertEquals(NixParserTest.shape(reference.reparse(List.of(edit)).root()), NixParserTest.shape(refined.root()));
        }
    }

    /**
     * With approximations in a small text (and no time for tree-sitter where only a marked edit could
     * stand in), refining each one gives exactly
     * the tree a parser without approximations builds from the same edits.
     */
    @Test
    void refiningAnApproximationGivesTreeSittersTree() {
        Random random = new Random(3);
        String text = NixSamples.largeModule(20);
        int approximated = 0;
        try (NixParser approximating = new NixParser(0, 1); NixParser reference = new NixParser(Integer.MAX_VALUE, NixParser.BUDGET_MICROS)) {
            approximating.parse(text);
            reference.parse(text);
            for (int i = 0; i < 300; i++) {
                TextEdit edit = typing(text, random);
                text = edit.applyTo(text);
                NixSyntaxTree tree = approximating.reparse(List.of(edit));
                NixSyntaxTree expected = reference.reparse(List.of(edit));
                if (approximating.approximate()) {
                    approximated++;
                    tree = approximating.refine(() -> false);
                    assertNotNull(tree);
                    assertFalse(approximating.approximate());
                }
                assertEquals(NixParserTest.shape(expected.root()), NixParserTest.shape(tree.root()), "after edit " + i + " " + edit);
            }
        }
        assertTrue(approximated > 20, "only " + approximated + " approximations");
    }

    /** Left unrefined, approximations never leak into the tree of a text without syntax errors. */
    @Test
    void aTextWithoutErrorsAfterApproximationsHasItsExactTree() {
        Random random = new Random(5);
        String module = NixSamples.largeModule(20);
        String text = module;
        int approximated = 0;
        int valid = 0;
        try (NixParser approximating = new NixParser(0, 1); NixParser fresh = NixParser.forSingleParses()) {
            approximating.parse(text);
            for (int i = 0; i < 400; i++) {
                TextEdit edit = typing(text, random);
                String next = edit.applyTo(text);
                TextEdit undo = new TextEdit(edit.start(), edit.newEnd(), text.substring(edit.start(), edit.end()));
                for (TextEdit e : random.nextInt(10) == 0 ? List.of(edit) : List.of(edit, undo)) {
                    text = e.applyTo(text);
                    NixSyntaxTree tree = approximating.reparse(List.of(e));
                    approximated += approximating.approximate() ? 1 : 0;
                    if (!tree.root().hasError()) {
                        valid++;
                        assertEquals(NixParserTest.shape(fresh.parse(text).root()), NixParserTest.shape(tree.root()), "after " + e);
                    }
                }
                if (i % 25 == 24) {
                    text = module;
                    approximating.parse(text);
                }
            }
        }
        assertTrue(approximated > 20 && valid > 200, approximated + " approximations, " + valid + " valid versions");
    }

    private static List<SyntaxNode> nodes(SyntaxNode root, java.util.function.Predicate<SyntaxNode> which) {
        List<SyntaxNode> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<SyntaxNode> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            SyntaxNode n = todo.pop();
            if (which.test(n)) {
                out.add(n);
            }
            n.children().forEach(todo::push);
        }
        return out;
    }
}
