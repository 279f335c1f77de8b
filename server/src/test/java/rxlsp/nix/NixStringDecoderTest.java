package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import rxlsp.testing.NixEval;
import rxlsp.text.TextRange;

/**
 * One case per rule of reference §7.1 and §7.2. Every expected value is written here and checked
 * twice: against the decoder, and against Nix 2.8's evaluator (interpolations of {@code "x"} are
 * left as source by the decoder and evaluated to {@code x} by Nix).
 */
class NixStringDecoderTest {
    private record Case(String rule, String source, String expected) {
        String nixExpected() {
            return expected.replace("${\"x\"}", "x");
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("indentation stripped", "''\n  a\n  b\n''", "a\nb\n"),
            new Case("text on the opener line counts its spaces", "''  foo''", "foo"),
            new Case("text right after the opener: nothing stripped", "''foo\n  bar''", "foo\n  bar"),
            new Case("no line counts: all spaces go", "''   ''", ""),
            new Case("no line counts, blank line", "''\n   \n  ''", "\n"),
            new Case("empty", "''''", ""),
            new Case("excess indentation kept", "''\n    a\n  b\n    c\n  ''", "  a\nb\n  c\n"),
            new Case("escaped newline: following spaces stripped, not counted", "''\n    a''\\n  b\n    c\n  ''", "a\nb\nc\n"),
            new Case("escaped newline keeps spaces beyond minIndent", "''\n    a''\\n      b\n    c\n  ''", "a\n  b\nc\n"),
            new Case("backslash-newline escape", "''\n    a''\\\n  b\n    c\n  ''", "a\nb\nc\n"),
            new Case("last line with a TAB is kept", "''\n  a\n  \t''", "a\n\t"),
            new Case("TAB at column 0: minIndent 0", "''\n  a\n\t''", "  a\n\t"),
            new Case("spaces after an interpolation on the last line", "''\n  a\n  ${\"x\"}  ''", "a\n${\"x\"}  "),
            new Case("spaces after a final escaped newline", "''a''\\n   ''", "a\n   "),
            new Case("quote before the closing quotes", "''it''\\'''", "it'"),
            new Case("''$", "''''$''", "$"),
            new Case("'''", "''a'''b''", "a''b"),
            new Case("''\\$ escapes the dollar", "''''\\${x}''", "${x}"),
            new Case("''${ is a literal ${", "''''${x}''", "${x}"),
            new Case("$${ is literal", "''$${x}''", "$${x}"),
            new Case("odd $ run ends in an interpolation", "''$$${\"x\"}''", "$$${\"x\"}"),
            new Case("even $ run is literal", "''$$$${x}''", "$$$${x}"),
            new Case("$ then ''$", "''$''${x}''", "$${x}"),
            new Case("escapes \\t \\n \\r", "''''\\tx''\\ny''\\rz''", "\tx\ny\rz"),
            new Case("CRLF is not normalised and not swallowed", "''\r\n  a\r\n  b\r\n''", "\r\n  a\r\n  b\r\n"),
            new Case("TAB after the opener is not swallowed", "''\t\n  a\n''", "\t\n  a\n"),
            new Case("no-break space ends indentation", "''\n  a\n \u00a0b\n''", " a\n\u00a0b\n"),
            new Case("non-ASCII and surrogate pairs", "''\n  \uD83D\uDE00 a\n  \u00e9''", "\uD83D\uDE00 a\n\u00e9"),
            new Case("escaped space after an escaped newline is stripped", "''\n    a''\\n''\\ b\n    c\n  ''", "a\nb\nc\n"),
            new Case("escaped space at a line start is kept", "''\n  ''\\ a\n  ''", " a\n"),
            new Case("interpolation at a line start counts its column", "''\n  ${\"x\"}\n    y\n  ''", "${\"x\"}\n  y\n"),
            new Case("lone quotes and dollars", "'' a'$b $x c'\n  ''", "a'$b $x c'\n"),
            new Case("trailing spaces after text on the last line", "''\n  a\n  b  ''", "a\nb  "),
            new Case("dollar before the closing quotes", "''a$''", "a$"),
            new Case("escaped CR", "''a''\\\r\nb''", "a\r\nb"),
            new Case("quoted escapes", "\"a\\nb\\tc\\rd\\\\e\\\"f\\$g\\${h}\\u00e9\"", "a\nb\tc\rd\\e\"f$g${h}u00e9"),
            new Case("quoted raw CR and CRLF", "\"a\r\nb\rc\"", "a\nb\nc"),
            new Case("quoted backslash-CR is a CR", "\"a\\\r\nb\"", "a\r\nb"),
            new Case("quoted backslash-newline", "\"x\\\ny\"", "x\ny"),
            new Case("escaped backslash before an interpolation", "\"\\\\${\"x\"}\"", "\\${\"x\"}"),
            new Case("quoted $${", "\"$${x}\"", "$${x}"),
            new Case("quoted odd $ run", "\"$$${\"x\"}\"", "$$${\"x\"}"),
            new Case("quoted $ before the closing quote", "\"a$\"", "a$"),
            new Case("quoted $ then escape", "\"$\\${x}\"", "$${x}"),
            new Case("quoted keeps indentation", "\"\n  a\n    b\n\"", "\n  a\n    b\n"),
            new Case("empty quoted", "\"\"", ""));

    @Test
    void decodesEveryRule() {
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            String got = StringLiterals.decodeFirst(c.source()).value();
            if (!got.equals(c.expected())) {
                wrong.add(c.rule() + ": expected " + show(c.expected()) + ", decoded " + show(got));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void expectationsAgreeWithNix() throws Exception {
        List<NixEval.Result> results = NixEval.require().strings(CASES.stream().map(Case::source).toList());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            NixEval.Result r = results.get(i);
            if (!r.ok() || !r.value().equals(c.nixExpected())) {
                wrong.add(c.rule() + ": expected " + show(c.nixExpected()) + ", Nix says "
                        + (r.ok() ? show(r.value()) : r.error()));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void holesAreListedWithBothRanges() {
        String src = "''\n  a ${\"x\"} b\n''";
        DecodedString d = StringLiterals.decodeFirst(src);
        assertFalse(d.isComplete());
        assertEquals(1, d.holes().size());
        DecodedString.Hole h = d.holes().getFirst();
        assertEquals("${\"x\"}", d.value().substring(h.value().start(), h.value().end()));
        assertEquals("${\"x\"}", src.substring(h.source().start(), h.source().end()));
        assertEquals(h.source().start() + 2, d.toSource(h.value().start() + 2));
    }

    @Test
    void mapsIndentedOffsets() {
        String src = "''\n    a''\\nb\n    c\n  ''";
        DecodedString d = StringLiterals.decodeFirst(src);
        assertEquals("a\nb\nc\n", d.value());
        assertTrue(d.indented());
        assertEquals(4, d.minIndent());
        assertEquals(new TextRange(2, src.length() - 2), d.contentRange());
        assertEquals(OptionalInt.empty(), d.toValue(2), "the opener's line break is in no value line");
        assertEquals(OptionalInt.of(0), d.toValue(3), "stripped indentation snaps to the line start");
        assertEquals(OptionalInt.of(0), d.toValue(7));
        assertEquals(OptionalInt.of(1), d.toValue(8), "a position inside an escape maps to its value start");
        assertEquals(OptionalInt.of(1), d.toValue(10));
        assertEquals(8, d.toSource(1), "a value offset inside an escape maps to the escape's start");
        assertEquals(new TextRange(8, 12), d.toSource(new TextRange(1, 2)));
        assertEquals(src.indexOf('c'), d.toSource(4));
        assertEquals(OptionalInt.of(d.value().length()), d.toValue(src.length() - 3), "the dropped last line maps to the end");
        assertEquals(src.length() - 2, d.toSource(d.value().length()));
        assertEquals(OptionalInt.empty(), d.toValue(1));
    }

    @Test
    void mapsQuotedCrLfAsOneUnit() {
        String src = "\"a\r\nb\"";
        DecodedString d = StringLiterals.decodeFirst(src);
        assertEquals("a\nb", d.value());
        assertEquals(OptionalInt.of(1), d.toValue(3));
        assertEquals(OptionalInt.of(2), d.toValue(4));
        assertEquals(4, d.toSource(2));
    }

    @Test
    void unterminatedStringsDecodeWhatThereIs() {
        String src = "{ a = ''\n  x ${y} z\n";
        DecodedString d = NixStringDecoder.decodeAt(src, src.indexOf("''"));
        assertFalse(d.terminated());
        assertEquals("x ${y} z\n", d.value());
        assertEquals(1, d.holes().size());
        String quoted = "{ a = \"abc\\n ${x";
        DecodedString q = NixStringDecoder.decodeAt(quoted, quoted.indexOf('"'));
        assertEquals("abc\n ${x", q.value());
        assertFalse(q.terminated());
        DecodedString closed = NixStringDecoder.decodeAt("''a''\\'''; b", 0);
        assertTrue(closed.terminated());
        assertEquals("a'", closed.value());
    }

    @Test
    void segmentTablesStaySmall() {
        // runs merge: a plain block has one stripped and one verbatim segment per line, whatever its length
        String src = "''\n" + "    some mcl text = 1\n".repeat(5_000) + "  ''";
        DecodedString d = StringLiterals.decodeFirst(src);
        assertTrue(d.segments().size() <= 2 * 5_000 + 2, "segments: " + d.segments().size());
        assertEquals(OptionalInt.of(d.value().length() - 2), d.toValue(d.toSource(d.value().length() - 2)));
    }

    static String show(String s) {
        return new com.google.gson.Gson().toJson(s);
    }
}
