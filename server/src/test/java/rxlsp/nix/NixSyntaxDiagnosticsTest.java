package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
