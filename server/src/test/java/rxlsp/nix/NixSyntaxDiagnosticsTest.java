package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

class NixSyntaxDiagnosticsTest {
    private static List<Diagnostic> diagnose(String text) {
        try (NixParser parser = new NixParser()) {
            return NixSyntaxDiagnostics.of(parser.parse(text));
        }
    }

    @Test
    void controlCharactersAreEscapedInMessages() {
        List<Diagnostic> ds = diagnose("{ a = 1; } \u0001");
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("unexpected `\\u0001`", ds.get(0).message());
        assertEquals(new TextRange(11, 12), ds.get(0).range());
    }

    @Test
    void trailingCommaAfterTheLastFormalIsAccepted() {
        assertEquals(List.of(), diagnose("{ pkgs, }: pkgs"));
        assertEquals(List.of(), diagnose("{ a ? 1, b, }: a"));
        assertEquals(List.of(), diagnose("{ a,\n  b, # the last one\n}: a"));
    }

    @Test
    void aMissingClosingBracketPointsAtItsOpener() {
        List<Diagnostic> ds = diagnose("{\n  x = [ 1 2;\n}\n");
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("nix-unclosed-delimiter", ds.get(0).code());
        assertEquals(new TextRange(8, 9), ds.get(0).range());
    }

    @Test
    void anUnterminatedStringHidesTheErrorsItCauses() {
        List<Diagnostic> ds = diagnose("{\n  a = ''\n    b = 1;\n  c = \"x\";\n  d = [ ;\n}\n");
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("nix-unterminated-string", ds.get(0).code());
    }

    @Test
    void aMissingCloserAtTheEndOfTheFileIsRelatedToTheEndOfTheFile() {
        String text = "{\n  a = [ 1\n  ];\n";
        List<Diagnostic> ds = diagnose(text);
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(new TextRange(0, 1), ds.get(0).range(), "the opener stays the primary range");
        assertEquals(List.of(new Diagnostic.Related(TextRange.at(text.length()), "the file ends here without the closing `}`")),
                ds.get(0).related(), "Nix reports unexpected end of file there");
    }

    @Test
    void aCarriageReturnEndsAComment() {
        assertEquals(List.of(), diagnose("[ # one\r1\r2 ]"));
        List<Diagnostic> ds = diagnose("1 # old Mac line end\r)");
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(new TextRange(21, 22), ds.get(0).range());
    }

    @Test
    void anUpdateOperatorGluedToItsRightOperandIsNotAPath() {
        for (String text : List.of("a: b: a //b", "a: b: a//b", "a: b: a.x//b", "a': b: a'//b", "a: b: a//b//a")) {
            try (NixParser parser = new NixParser()) {
                NixSyntaxTree tree = parser.parse(text);
                assertEquals(List.of(), NixSyntaxDiagnostics.of(tree), text);
                String sexp = SyntaxTreePrinter.sexp(tree.root());
                assertEquals(-1, sexp.indexOf("path_expression"), text + ": " + sexp);
                assertTrue(sexp.contains("binary_expression"), text + ": " + sexp);
                SyntaxNode body = tree.root().child("expression").orElseThrow().child("body").orElseThrow()
                        .child("body").orElseThrow();
                assertEquals(text.indexOf(": b: ") + 5, body.start(), text);
                assertEquals(text.length(), body.end(), text);
                SyntaxNode right = body.child("right").orElseThrow();
                assertEquals("b", right.text(text).substring(0, 1), text + ": offsets map back to the text");
            }
        }
        assertEquals(List.of(), NixStaticChecks.of(parse("a: b: a //b")));
        assertEquals(List.of("nix-undefined-variable"), codes(NixStaticChecks.of(parse("a: a //b"))));
    }

    @Test
    void pathsFollowNixsLexer() {
        assertEquals(List.of(new TextRange(3, 5)), ranges(diagnose("./a//b"), NixLexerRules.INVALID_PATH));
        assertEquals(List.of(new TextRange(3, 4)), ranges(diagnose("./a/"), NixLexerRules.PATH_TRAILING_SLASH));
        assertEquals(List.of(new TextRange(10, 11)), ranges(diagnose("./a/${\"b\"}/"), NixLexerRules.PATH_TRAILING_SLASH));
        assertEquals(List.of(new TextRange(0, 3)), ranges(diagnose("~//a"), NixLexerRules.INVALID_PATH));
        for (String valid : List.of("~/${\"a\"}", "x: x~/${\"a\"}", "./${\"a\"}", "./a//b${\"c\"}", "./a${\"x\"}//b",
                "/etc/${\"a\"}.conf", "a/b/c", "~/a/b", "<nixpkgs/lib>")) {
            assertEquals(List.of(), diagnose(valid), valid);
        }
    }

    @Test
    void aNameDirectlyFollowedBySlashIsAPathForNix() {
        List<Diagnostic> ds = diagnose("cfg: cfg. a/S");
        assertEquals(List.of("nix-unexpected-token"), codes(ds));
        assertEquals(new TextRange(10, 13), ds.get(0).range());
        assertEquals(List.of(), diagnose("cfg: [ cfg.a/S (cfg. a / 2) cfg. a'/S ]"));
    }

    @Test
    void aKeywordGluedToNameCharactersIsANameForNix() {
        List<Diagnostic> ds = diagnose("o: if o ? t then3else 7");
        assertEquals(List.of("nix-unexpected-token"), codes(ds));
        assertEquals(new TextRange(12, 21), ds.get(0).range());
        assertEquals(List.of(), diagnose("x: if x then(x)else(x)"));
    }

    @Test
    void numbersOutOfRangeAreErrors() {
        assertEquals(List.of(), diagnose("[ 9223372036854775807 0009223372036854775807 1.7976931348623157e308 "
                + "2.2250738585072013e-308 0.0e-99999999999 1.0e-0 ]"));
        assertEquals(List.of(NixLexerRules.INTEGER_OUT_OF_RANGE), codes(diagnose("9223372036854775808")));
        assertEquals(List.of(NixLexerRules.INTEGER_OUT_OF_RANGE), codes(diagnose("-9223372036854775808")));
        for (String f : List.of("1.0e999", "1.7976931348623159e308", "2.2250738585072012e-308", "1.0e-320",
                "1.0e-99999999999999", "1.0e99999999999999999")) {
            assertEquals(List.of(NixLexerRules.FLOAT_OUT_OF_RANGE), codes(diagnose(f)), f);
        }
    }

    @Test
    void comparisonsDoNotChain() {
        assertEquals(List.of(new TextRange(6, 7)), ranges(diagnose("1 < 2 < 3"), NixLexerRules.CHAINED_COMPARISON));
        assertEquals(List.of(new TextRange(7, 9)), ranges(diagnose("1 == 1 != true"), NixLexerRules.CHAINED_COMPARISON));
        assertEquals(List.of(), diagnose("[ (1 < 2 == true) (1 == 1 && 2 != 3) ((1 == 1) == true) (1 < 2 || 2 > 3) ]"));
    }

    @Test
    void aCommaInFormalsMustFollowAFormal() {
        assertEquals(1, diagnose("{ , }: 1").size());
        assertEquals(1, diagnose("a@{ , }: 1").size());
        assertEquals(1, diagnose("{ ..., }: 1").size());
        assertEquals(List.of(), diagnose("{ a, }: a"));
    }

    @Test
    void orAppliesToTheSimpleExpressionBeforeItInAList() {
        assertEquals(List.of(), diagnose("f: [ f or ]"));
        assertEquals(List.of(), diagnose("f: [ (f) or \"\" or ]"));
        assertEquals(List.of("nix-keyword-as-name"), codes(diagnose("f: [ or ]")));
        assertEquals(List.of("nix-keyword-as-name"), codes(diagnose("f: [ f or or ]")));
    }

    private static NixSyntaxTree parse(String text) {
        try (NixParser parser = new NixParser()) {
            return parser.parse(text);
        }
    }

    private static List<String> codes(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::code).toList();
    }

    private static List<TextRange> ranges(List<Diagnostic> ds, String code) {
        assertEquals(List.of(code), codes(ds), ds.toString());
        return ds.stream().map(Diagnostic::range).toList();
    }
}
