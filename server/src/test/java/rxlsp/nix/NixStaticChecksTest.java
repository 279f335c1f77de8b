package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * Every expectation here was checked against {@code nix-instantiate --parse} (Nix 2.8): the inputs
 * expected clean are accepted by Nix, the others rejected with the same kind of error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NixStaticChecksTest {
    private static final String UNDEFINED = "nix-undefined-variable";
    private static final String DUPLICATE = "nix-duplicate-attribute";
    private static final String FORMAL = "nix-duplicate-formal";
    private static final String DYNAMIC_LET = "nix-dynamic-let";
    private static final String DYNAMIC_INHERIT = "nix-dynamic-inherit";

    private NixParser parser;

    @BeforeAll
    void openParser() {
        parser = new NixParser();
    }

    @AfterAll
    void closeParser() {
        parser.close();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** An expected diagnostic; its range is the {@code occurrence}-th (0-based) appearance of {@code at}. */
    private record Expected(String code, String message, String at, int occurrence) {
    }

    private static Expected expect(String code, String message, String at, int occurrence) {
        return new Expected(code, message, at, occurrence);
    }

    private static Expected undefined(String name, int occurrence) {
        return expect(UNDEFINED, "undefined variable `" + name + "`", name, occurrence);
    }

    private List<Diagnostic> check(String source) {
        return NixStaticChecks.of(parser.parse(source));
    }

    private void assertClean(String source) {
        List<Diagnostic> found = check(source);
        assertTrue(found.isEmpty(), () -> "expected no diagnostics for: " + source + "\nbut got: " + render(found));
    }

    private void assertFinds(String source, Expected... expected) {
        List<Diagnostic> found = check(source);
        List<String> want = new ArrayList<>();
        for (Expected e : expected) {
            TextRange r = rangeOf(source, e.at(), e.occurrence());
            want.add(r.start() + "-" + r.end() + " " + e.code() + " " + e.message());
        }
        List<String> got = new ArrayList<>();
        for (Diagnostic d : found) {
            got.add(d.range().start() + "-" + d.range().end() + " " + d.code() + " " + d.message());
            assertEquals(Severity.ERROR, d.severity());
            assertEquals("nix", d.source());
            assertEquals("scope", d.stage());
        }
        assertEquals(want, got, () -> "for source: " + source);
    }

    private static TextRange rangeOf(String source, String part, int occurrence) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = source.indexOf(part, at + 1);
            if (at < 0) {
                throw new IllegalArgumentException("`" + part + "` occurs fewer than " + (occurrence + 1) + " times in " + source);
            }
        }
        return new TextRange(at, at + part.length());
    }

    private static String render(List<Diagnostic> ds) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : ds) {
            out.append(d.range()).append(' ').append(d.code()).append(' ').append(d.message()).append('\n');
        }
        return out.toString();
    }

    // ---- undefined variables ------------------------------------------------------------------

    @Nested
    class UndefinedVariables {
        @Test
        void freeVariable() {
            assertFinds("x", undefined("x", 0));
        }

        @Test
        void builtinsAndConstantsAreKnown() {
            assertClean("[ builtins true false null import map toString throw abort baseNameOf dirOf derivation"
                    + " derivationStrict isNull removeAttrs fetchTarball fetchGit fetchMercurial fetchTree placeholder"
                    + " scopedImport fromTOML __currentSystem __currentTime __nixPath __storeDir __nixVersion __langVersion"
                    + " __add __attrNames __fetchurl __foldl' __curPos __getFlake break __warn __convertHash ]");
        }

        @Test
        void curPosIsAPositionNotABinding() {
            // Nix's parser turns the variable __curPos into its position; `inherit __curPos;` looks for a binding
            assertClean("{ a = __curPos; b = x: x.${__curPos.file}; }");
            assertFinds("{ inherit __curPos; }", undefined("__curPos", 0));
            assertFinds("rec { inherit __curPos; }", undefined("__curPos", 0));
            assertClean("let __curPos = 1; in { inherit __curPos; }");
            assertClean("with { }; { inherit __curPos; }");
        }

        @Test
        void namesNixDoesNotExposeAtTopLevel() {
            // builtins.map is `map`, never `__map`; builtins.fetchurl is `__fetchurl`, never `fetchurl`
            assertFinds("[ __map fetchurl __derivation ]",
                    undefined("__map", 0), undefined("fetchurl", 0), undefined("__derivation", 0));
        }

        @Test
        void letBindsItsNamesInValuesAndBody() {
            assertClean("let a = b; b = 1; in a + b");
        }

        @Test
        void letAttrpathBindsOnlyItsFirstName() {
            assertClean("let a.b = 1; in a");
            assertFinds("let a.b = 1; in b", undefined("b", 1));
        }

        @Test
        void letInheritReadsTheOuterScope() {
            assertFinds("let inherit x; in x", undefined("x", 0));
            assertClean("x: let inherit x; in x");
        }

        @Test
        void letInheritFromSeesTheLetItself() {
            assertClean("let inherit (x) x; in x");
            assertClean("let s = { a = 1; }; inherit (s) a; in a");
        }

        @Test
        void inheritFromWithoutNamesReadsItsSourceAsCurrentNixDoes() {
            // Nix 2.20 and later resolve x in `inherit (x);` (Nix 2.8 did not); rx-lsp follows current Nix
            assertFinds("{ inherit (x); }", undefined("x", 0));
            assertClean("x: { inherit (x); }");
            assertClean("rec { inherit (a); a = { }; }");
        }

        @Test
        void recBindsItsNames() {
            assertClean("rec { a = 1; b = a; c.d = b; }");
            assertClean("rec { a.b = 1; c = a; }");
            assertFinds("rec { a.b = 1; c = b; }", undefined("b", 1));
        }

        @Test
        void plainAttrsetDoesNotBindItsNames() {
            assertFinds("{ x = 1; y = x; }", undefined("x", 1));
        }

        @Test
        void recInheritReadsTheOuterScope() {
            assertFinds("rec { inherit x; }", undefined("x", 0));
        }

        @Test
        void legacyLetIsRecursive() {
            assertClean("let { body = a; a = 1; }");
            assertFinds("let { body = x; }", undefined("x", 0));
        }

        @Test
        void lambdaBindsItsArgument() {
            assertClean("x: y: x y");
        }

        @Test
        void formalsAndAtNameAreBound() {
            assertClean("{ a, b ? a, ... }@args: [ a b args ]");
            assertClean("args@{ a ? args }: a");
            assertClean("{ a ? x }@x: a");
        }

        @Test
        void formalDefaultsSeeAllFormals() {
            assertClean("{ a ? b, b ? a }: a");
            assertClean("let f = { a, b ? c, c ? 1 }: a; in f");
        }

        @Test
        void withMakesEveryNameResolvable() {
            assertClean("{ lib }: with lib; mkIf true anything");
        }

        @Test
        void withEnvironmentIsOutsideTheWith() {
            assertFinds("with x; y", undefined("x", 0));
            assertFinds("(with x; y) z", undefined("x", 0), undefined("z", 0));
        }

        @Test
        void assertConditionAndBodyAreChecked() {
            assertFinds("assert x; y", undefined("x", 0), undefined("y", 0));
        }

        @Test
        void interpolationsAreChecked() {
            assertFinds("\"a ${x} b\"", undefined("x", 0));
            assertClean("let x = 1; in \"${toString x}\"");
        }

        @Test
        void attrNamesAfterDotOrQuestionMarkAreNotVariables() {
            assertClean("{ a = 1; }.b");
            assertClean("{ a = 1; } ? b.c");
            assertFinds("x.y or z", undefined("x", 0), undefined("z", 0));
        }

        @Test
        void dynamicAttrNamesAreExpressions() {
            assertFinds("{ ${x} = 1; }", undefined("x", 0));
            assertFinds("{ a.${x}.b = 1; }", undefined("x", 0));
            assertClean("let x = \"n\"; in { ${x} = 1; \"${x}-2\" = 2; }");
        }

        @Test
        void orAsAVariableIsUndefined() {
            assertFinds("map or [ 1 ]", undefined("or", 0));
        }

        @Test
        void rangeIsTheIdentifier() {
            assertFinds("let a = 1; in [ a\n  bee ]", undefined("bee", 0));
        }

        @Test
        void escapedInterpolationIsText() {
            assertClean("''\n  echo ''${name} $${x} ''\\${y}\n''");
            assertClean("\"echo \\${name}\"");
        }
    }

    @Nested
    class MclHint {
        private static final String HINT = "; if this is MCL interpolation, write `''%s` inside a Nix '' string";

        @Test
        void variableInIndentedStringInterpolation() {
            assertFinds("''\n  print \"${name}\"\n''",
                    expect(UNDEFINED, "undefined variable `name`" + HINT.formatted("${name}"), "name", 0));
        }

        @Test
        void selectionKeepsTheWholeInterpolation() {
            assertFinds("''${datetime.now}''",
                    expect(UNDEFINED, "undefined variable `datetime`" + HINT.formatted("${datetime.now}"), "datetime", 0));
        }

        @Test
        void noHintForNixLookingInterpolations() {
            assertFinds("''${f x}''", undefined("f", 0), undefined("x", 0));
        }

        @Test
        void noHintInDoubleQuotedStrings() {
            assertFinds("\"${name}\"", undefined("name", 0));
        }

        @Test
        void noHintWhenDefined() {
            assertClean("{ name }: ''${name}''");
        }
    }

    // ---- duplicate attributes -----------------------------------------------------------------

    @Nested
    class DuplicateAttributes {
        @Test
        void sameNameTwice() {
            assertFinds("{ a = 1; a = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:3", "a", 1));
        }

        @Test
        void relatedLocationIsTheFirstDefinition() {
            Diagnostic d = check("{\n  a = 1;\n  a = 2;\n}").get(0);
            assertEquals(1, d.related().size());
            assertEquals(new TextRange(4, 5), d.related().get(0).range());
            assertEquals("first definition of `a`", d.related().get(0).message());
        }

        @Test
        void sameAttrpathTwice() {
            assertFinds("{ a.b = 1; a.b = 2; }",
                    expect(DUPLICATE, "attribute `a.b` already defined at 1:5", "b", 1));
        }

        @Test
        void valueThenAttrpathThroughIt() {
            assertFinds("{ a = 1; a.b = 2; }",
                    expect(DUPLICATE, "attribute `a.b` already defined at 1:3", "a", 1));
        }

        @Test
        void attrpathThenShorterValue() {
            assertFinds("{ a.b.c = 1; a.b = 2; }",
                    expect(DUPLICATE, "attribute `a.b` already defined at 1:5", "b", 1));
            assertFinds("{ a.b = 1; a.b.c = 2; }",
                    expect(DUPLICATE, "attribute `a.b.c` already defined at 1:5", "b", 1));
        }

        @Test
        void literalSetsMergeWithAttrpaths() {
            assertClean("{ a = { b = 1; }; a.c = 2; }");
            assertClean("{ a.c = 2; a = { b = 1; }; }");
            assertClean("{ a = ({ b = 1; }); a.c = 2; }");
            assertClean("{ a = rec { b = 1; }; a.c = 2; }");
            assertClean("{ a = { b = { x = 1; }; }; a.b.y = 2; }");
        }

        @Test
        void twoLiteralSetsMerge() {
            assertClean("{ a = { b = 1; }; a = { c = 2; }; }");
            assertClean("{ a.b = { }; a.b = rec { }; }");
        }

        @Test
        void mergingIsRecursiveThroughAttrpaths() {
            assertFinds("{ a = { b = 1; }; a.b = 2; }",
                    expect(DUPLICATE, "attribute `a.b` already defined at 1:9", "b", 1));
        }

        @Test
        void mergedSetsAreOneLevelDeep() {
            assertFinds("{ a = { b = { x = 1; }; }; a = { b = { y = 2; }; }; }",
                    expect(DUPLICATE, "attribute `a.b` already defined at 1:9", "b", 1));
        }

        @Test
        void mergedSetsStayMerged() {
            assertFinds("{ a = { b = 1; }; a = { c = 2; }; a.c = 3; }",
                    expect(DUPLICATE, "attribute `a.c` already defined at 1:25", "c", 1));
        }

        @Test
        void legacyLetIsNotAMergeableSet() {
            assertFinds("{ a = let { b = 1; }; a.c = 2; }",
                    expect(DUPLICATE, "attribute `a.c` already defined at 1:3", "a", 1));
        }

        @Test
        void inheritAgainstBinding() {
            assertFinds("x: { inherit x; x = 1; }",
                    expect(DUPLICATE, "attribute `x` already defined at 1:14", "x", 2));
            assertFinds("x: { x.y = 1; inherit x; }",
                    expect(DUPLICATE, "attribute `x` already defined at 1:6", "x", 2));
        }

        @Test
        void attrpathThroughInherit() {
            assertFinds("a: { inherit a; a.b = 1; }",
                    expect(DUPLICATE, "attribute `a.b` already defined at 1:14", "a", 2));
        }

        @Test
        void inheritTwice() {
            assertFinds("a: { inherit a a; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:14", "a", 2));
        }

        @Test
        void inheritFromAgainstBinding() {
            assertFinds("s: { inherit (s) a; a = 1; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:18", "a", 1));
        }

        @Test
        void stringNamesEqualIdentifiers() {
            assertFinds("{ a = 1; \"a\" = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:3", "\"a\"", 0));
        }

        @Test
        void constantInterpolatedNames() {
            assertFinds("{ a = 1; ${\"a\"} = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:3", "${\"a\"}", 0));
            assertFinds("{ a = 1; ${(\"a\")} = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:3", "${(\"a\")}", 0));
            assertFinds("{ a = 1; ${''a''} = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:3", "${''a''}", 0));
            assertFinds("{ a = 1; ${''${\"a\"}''} = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:3", "${''${\"a\"}''}", 0));
        }

        @Test
        void escapesAndIndentationAreDecoded() {
            assertFinds("{ \"a\\nb\" = 1; \"a\nb\" = 2; }",
                    expect(DUPLICATE, "attribute `\"a\\nb\"` already defined at 1:3", "\"a\nb\"", 0));
            assertFinds("{ \"a  \" = 1; ${''  a  ''} = 2; }",
                    expect(DUPLICATE, "attribute `\"a  \"` already defined at 1:3", "${''  a  ''}", 0));
            assertFinds("{ \"\" = 1; ${''''} = 2; }",
                    expect(DUPLICATE, "attribute `\"\"` already defined at 1:3", "${''''}", 0));
        }

        @Test
        void interpolatedStringsAreDynamic() {
            assertClean("{ a = 1; \"${\"a\"}\" = 2; }");
            assertClean("{ a = 1; ${\"a\" + \"\"} = 2; }");
            // text followed by an escape: two lexer tokens, so Nix concatenates at evaluation time
            assertClean("{ \"a\\nb\" = 1; ${''a''\\nb''} = 2; }");
        }

        @Test
        void dynamicNamesAreSkipped() {
            assertClean("x: { ${x} = 1; ${x} = 2; }");
        }

        @Test
        void letBindings() {
            assertFinds("let a = 1; a = 2; in a",
                    expect(DUPLICATE, "attribute `a` already defined at 1:5", "a", 1));
            assertFinds("let x = 1; inherit x; in x",
                    expect(DUPLICATE, "attribute `x` already defined at 1:5", "x", 1));
        }

        @Test
        void recAttrset() {
            assertFinds("rec { a = 1; a = 2; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:7", "a", 1));
        }

        @Test
        void nestedLiteralSetsAreCheckedOnTheirOwn() {
            assertFinds("{ x = { a = 1; a = 2; }; }",
                    expect(DUPLICATE, "attribute `a` already defined at 1:9", "a", 1));
        }

        @Test
        void positionsCountUtf16Columns() {
            assertFinds("{\n  \"é😀\" = 1; a = 2;\n  a = 3; }",
                    expect(DUPLICATE, "attribute `a` already defined at 2:14", "a", 1));
        }
    }

    /** Surprising consequences of Nix's merging: moved attributes take the scope of their new set. */
    @Nested
    class MergeScoping {
        @Test
        void attributesMovedIntoRecSeeItsNames() {
            assertClean("{ a = rec { b = 1; }; a = { c = b; }; }");
            assertClean("{ a = rec { b = 1; }; a.c = b; }");
        }

        @Test
        void recAttributesMovedIntoPlainSetLoseTheirScope() {
            assertFinds("{ a = { b = 1; }; a = rec { c = 1; d = c; }; }", undefined("c", 2)); // the first c is in `rec`
            assertFinds("{ a.x = 1; a = rec { y = 2; z = y; }; }", undefined("y", 1));
        }

        @Test
        void dynamicAttributesOfAMovedSetAreDropped() {
            assertClean("{ a = { }; a = { ${x} = 1; }; }");
        }
    }

    // ---- dynamic names where Nix forbids them -------------------------------------------------

    @Nested
    class DynamicNames {
        @Test
        void dynamicLetBinding() {
            assertFinds("x: let ${x} = 1; in 2",
                    expect(DYNAMIC_LET, "dynamic attributes not allowed in let", "${x}", 0));
            assertFinds("x: let ${x}.a = 1; in 2",
                    expect(DYNAMIC_LET, "dynamic attributes not allowed in let", "${x}", 0));
        }

        @Test
        void deeperDynamicNamesAndConstantNamesAreFineInLet() {
            assertClean("x: let a.${x} = 1; in a");
            assertClean("let ${\"a\"} = 1; \"b\" = 2; in a + b");
        }

        @Test
        void recAndLegacyLetAcceptDynamicNames() {
            assertClean("x: rec { ${x} = 1; }");
            assertClean("x: let { ${x} = 1; body = 2; }");
        }

        @Test
        void dynamicInherit() {
            assertFinds("a: { inherit ${a}; }",
                    expect(DYNAMIC_INHERIT, "dynamic attributes not allowed in inherit", "${a}", 0));
            assertClean("a: { inherit ${\"a\"}; }");
        }
    }

    // ---- formals --------------------------------------------------------------------------------

    @Nested
    class DuplicateFormals {
        @Test
        void formalTwice() {
            assertFinds("{ a, a }: a", expect(FORMAL, "duplicate formal function argument `a`", "a", 1));
        }

        @Test
        void atNameBeforeFormals() {
            assertFinds("a@{ a }: a", expect(FORMAL, "duplicate formal function argument `a`", "a", 1));
        }

        @Test
        void atNameAfterFormals() {
            assertFinds("{ a }@a: a", expect(FORMAL, "duplicate formal function argument `a`", "a", 1));
        }

        @Test
        void trailingCommaStillBindsTheFormals() {
            assertClean("{ pkgs, }: pkgs");
            assertClean("{ pkgs, lib, }: [ pkgs lib ]");
            assertClean("{ a ? 1, }: a");
            assertClean("{ a, /* c */ }: a");
            assertClean("args@{ pkgs, }: [ pkgs args ]");
        }
    }

    // ---- syntax errors --------------------------------------------------------------------------

    /** Nix reports a file's first syntax error and stops; tree-sitter's reading of the rest is unreliable. */
    @Nested
    class BrokenInput {
        @Test
        void nothingIsReportedNextToAnErrorThatMayHideABinder() {
            assertClean("let a = 1 in a");
            assertClean("x: let a = x; b = in a + b");
            assertClean("{ pkgs, ... }: let x = pkgs.foo in x");
        }

        @Test
        void nothingIsReportedAfterAnUnterminatedString() {
            // tree-sitter closes the string at once and reads /var as a division by a variable var
            assertClean("{ pkgs }:\n{\n  root = \"/var;\n  x = [ pkgs.git ];\n}\n");
        }

        @Test
        void nothingIsReportedInAFileWithAMissingToken() {
            assertClean("f (x");
            assertClean("{ a }: [ a c");
            assertClean("let a = 1; in");
        }

        @Test
        void noDuplicatesInABrokenFile() {
            assertClean("{ a = 1; a = 2; b = }");
        }

        @Test
        void theTrailingFormalCommaIsNoSyntaxError() {
            assertFinds("{ pkgs, }: [ pkgs lib ]", undefined("lib", 0));
            assertFinds("{ pkgs, lib, }: [ pkgs lib other ]", undefined("other", 0));
            assertFinds("{ a, a, }: a", expect(FORMAL, "duplicate formal function argument `a`", "a", 1));
        }
    }

    // ---- robustness -----------------------------------------------------------------------------

    @Test
    void deepNestingNeedsNoDeepStack() throws InterruptedException {
        int lambdaLevels = 1_900; // one tree level each
        int setLevels = 600; // three tree levels each
        int parenLevels = 3_000; // beyond NixParser.MAX_DEPTH: the tree is cut
        String lambdas = "x: ".repeat(lambdaLevels) + "y";
        String sets = "{ a = 1; a.b = ".repeat(setLevels) + "1" + "; }".repeat(setLevels);
        String parens = "(".repeat(parenLevels) + "x" + ")".repeat(parenLevels);
        List<NixSyntaxTree> trees = List.of(parser.parse(lambdas), parser.parse(sets), parser.parse(parens));
        List<List<Diagnostic>> results = new ArrayList<>();
        // far less stack than the default: the checks must not recurse along the tree
        Thread small = new Thread(null, () -> trees.forEach(t -> results.add(NixStaticChecks.of(t))), "small-stack", 128 * 1024);
        small.start();
        small.join();
        assertEquals(3, results.size(), "a check failed on the small stack");
        assertEquals(List.of("undefined variable `y`"), results.get(0).stream().map(Diagnostic::message).toList());
        assertEquals(setLevels, results.get(1).size());
        assertTrue(trees.get(2).depthLimited());
        assertTrue(results.get(2).isEmpty(), render(results.get(2)));
    }

    @Test
    void largeFileFindsEveryUndefinedName() {
        // speed is measured by the committed benchmark (bench/), never by a timed test
        int blocks = 250;
        String source = NixSamples.largeModule(blocks);
        NixSyntaxTree tree = parser.parse(source);
        assertTrue(tree.lines().lineCount() >= 5_000, "sample too small: " + tree.lines().lineCount());
        assertTrue(NixSyntaxDiagnostics.of(tree).isEmpty(), "sample must be valid Nix");
        List<Diagnostic> found = NixStaticChecks.of(tree);
        assertEquals(blocks, found.size(), render(found.subList(0, Math.min(5, found.size()))));
    }

    // ---- the corpus -----------------------------------------------------------------------------
    // (the scope fixtures under test-fixtures/nix/scope are run by the fixture tier, FixtureTest)

    @Test
    void corpusFilesNixAcceptsGetNoStaticDiagnostics() throws IOException {
        Path corpus = ProjectPaths.corpus().resolve("nix");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            NixSyntaxTree tree = parser.parse(text);
            if (!NixSyntaxDiagnostics.of(tree).isEmpty()) {
                continue; // only the empty files of the corpus; Nix rejects those too
            }
            checked++;
            for (Diagnostic d : NixStaticChecks.of(tree)) {
                LineColumn lc = tree.lines().position(d.range().start(), PositionEncoding.UTF16);
                failures.add(corpus.relativize(file) + ":" + (lc.line() + 1) + ":" + (lc.column() + 1) + " " + d.message());
            }
        }
        assertTrue(checked > 100, "expected the Nix corpus, checked " + checked + " files");
        if (!failures.isEmpty()) {
            fail(failures.size() + " false positives in the corpus:\n" + String.join("\n", failures));
        }
    }
}
