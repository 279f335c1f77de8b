package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
    @Test
    void aMessageQuotingAHugeNameKeepsItsStartAndEnd() {
        String name = "f".repeat(1_000_000);
        String message = "undefined function `" + name + "`; did you mean `x`?";
        Diagnostic d = Diagnostic.error(new TextRange(0, 1), "mcl", "scope", "mcl-undefined-function", message);
        assertTrue(d.message().length() <= Diagnostic.MAX_MESSAGE + 60, "length " + d.message().length());
        assertTrue(d.message().startsWith("undefined function `fff"), d.message());
        assertTrue(d.message().endsWith("fff`; did you mean `x`?"), d.message());
        assertTrue(d.message().contains("(" + (message.length() - 900) + " characters left out)"), d.message());
        String ordinary = "expected `;` after the binding";
        assertEquals(ordinary, Diagnostic.error(new TextRange(0, 1), "nix", "syntax", "nix-missing-token", ordinary).message());
    }
}
