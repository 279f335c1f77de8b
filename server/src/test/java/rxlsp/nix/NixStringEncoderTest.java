package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/** Re-escaping and re-indenting of value edits (reference §7.7), one case per rule. */
class NixStringEncoderTest {
    /** The literal after replacing {@code [from, to)} of its value by {@code text}; asserts the value round-trips. */
    private static String edited(String literal, int from, int to, String text) {
        DecodedString d = StringLiterals.decodeFirst(literal);
        Optional<TextEdit> edit = NixStringEncoder.encode(d, new TextRange(from, to), text);
        assertTrue(edit.isPresent(), "refused");
        String result = edit.get().applyTo(literal);
        String expected = d.value().substring(0, from) + text + d.value().substring(to);
        assertEquals(expected, StringLiterals.decodeFirst(result).value());
        return result;
    }

    private static boolean refused(String literal, int from, int to, String text) {
        DecodedString d = StringLiterals.decodeFirst(literal);
        return NixStringEncoder.encode(d, new TextRange(from, to), text).isEmpty();
    }

    @Test
    void escapesDollarCurlyInBothForms() {
        assertEquals("''\n  ''${x}\n''", edited("''\n  a\n''", 0, 1, "${x}"));
        assertEquals("\"\\${x}\"", edited("\"a\"", 0, 1, "${x}"));
    }

    @Test
    void escapesQuotesInIndentedStrings() {
        assertEquals("''\n  a'''b\n''", edited("''\n  a\n''", 1, 1, "''b"));
        assertEquals("''it''\\'''", edited("''it''", 2, 2, "'"));
    }

    @Test
    void escapesQuotesAndBackslashesInQuotedStrings() {
        assertEquals("\"say \\\"hi\\\" \\\\ x\"", edited("\"x\"", 0, 0, "say \"hi\" \\ "));
        assertEquals("\"a\nb\\rc\"", edited("\"\"", 0, 0, "a\nb\rc"));
    }

    @Test
    void indentsInsertedLines() {
        assertEquals("''\n    a\n    b\n    c\n  ''", edited("''\n    a\n  ''", 2, 2, "b\nc\n"));
        assertEquals("''\n    a\n    x\n    b\n  ''", edited("''\n    a\n    b\n  ''", 2, 2, "x\n"));
        assertEquals("''\n    a\n\n    x\n  ''", edited("''\n    a\n\n  ''", 3, 3, "x\n"));
    }

    @Test
    void appendsBeforeTheClosingLine() {
        assertEquals("''\n  a\n  b\n''", edited("''\n  a\n''", 2, 2, "b\n"));
        assertEquals("''\n  a\n  b''", edited("''\n  a\n''", 2, 2, "b"));
    }

    @Test
    void fillsAnEmptyBlock() {
        assertEquals("''\n  a {\n    b\n  }\n  ''", edited("''\n  ''", 0, 0, "a {\n  b\n}\n"));
        // all new lines indented: the first space is escaped, or Nix would strip it with the indentation
        assertEquals("''\n  ''\\  b\n  ''", edited("''\n  ''", 0, 0, "  b\n"));
    }

    @Test
    void aDollarBesideTheEditIsReencoded() {
        // $${x} is literal only because the $ pairs; text put between the two $ must not free the second
        assertEquals("''$a''${x}''", edited("''$${x}''", 1, 1, "a"));
    }

    @Test
    void refusesEditsOfHoles() {
        assertTrue(refused("''a ${b} c''", 3, 5, "x"));
        assertTrue(refused("''a ${b} c''", 4, 4, "x"));
    }

    @Test
    void refusesEditsThatChangeMinIndent() {
        // deleting the least indented line raises minIndent: every other line would shift
        assertTrue(refused("''\n  a\n    b\n  ''", 0, 2, ""));
    }
}
