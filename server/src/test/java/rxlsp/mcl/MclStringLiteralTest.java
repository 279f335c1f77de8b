package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rxlsp.mcl.ast.StringPart;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/** String literals split into decoded text and interpolations (MCL reference §4). */
class MclStringLiteralTest {

    @Test
    void textAndInterpolationsWithRanges() {
        // offsets:            0123456789012345
        StringLiteral.Parsed p = StringLiteral.parse("\"a ${b} c${d.e}\"", 10);
        assertEquals(List.of(), p.diagnostics());
        assertEquals(List.of(
                new StringPart.Text(new TextRange(11, 13), "a "),
                new StringPart.Interpolation(new TextRange(13, 17), "b", new TextRange(15, 16)),
                new StringPart.Text(new TextRange(17, 19), " c"),
                new StringPart.Interpolation(new TextRange(19, 25), "d.e", new TextRange(21, 24))), p.parts());
    }

    @Test
    void everyEscapeIsDecoded() {
        StringLiteral.Parsed p = StringLiteral.parse("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\$\"", 0);
        assertEquals(List.of(), p.diagnostics());
        assertEquals(1, p.parts().size());
        assertEquals("\u0007\b\f\n\r\t\u000B\\\"$", ((StringPart.Text) p.parts().getFirst()).value());
    }

    @Test
    void dollarWithoutBraceAndEscapedInterpolationAreText() {
        assertEquals(List.of(new StringPart.Text(new TextRange(1, 17), "$foo $ {x} ${y}")),
                StringLiteral.parse("\"$foo $ {x} \\${y}\"", 0).parts());
        assertEquals(List.of(), StringLiteral.parse("\"\"", 0).parts());
    }

    @Test
    void namesFollowTheInterpolationPattern() {
        assertEquals("a_", ((StringPart.Interpolation) StringLiteral.parse("\"${a_}\"", 0).parts().getFirst()).name());
        assertEquals("a.1", ((StringPart.Interpolation) StringLiteral.parse("\"${a.1}\"", 0).parts().getFirst()).name());
    }

    @Test
    void unknownEscapeIsReportedAtTheEscape() {
        Diagnostic d = StringLiteral.parse("\"ab\\jc\"", 100).diagnostics().getFirst();
        assertEquals(new TextRange(103, 105), d.range());
        assertEquals("interpolate", d.stage());
        assertEquals("mcl-unknown-escape", d.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"${}\"", "\"${foo()}\"", "\"${bad +}\"", "\"${X}\"", "\"${a.}\"", "\"x ${a\"", "\"${1}\""})
    void malformedInterpolationIsReportedAtItsStart(String literal) {
        List<Diagnostic> ds = StringLiteral.parse(literal, 0).diagnostics();
        assertEquals(1, ds.size(), literal);
        assertEquals("mcl-bad-interpolation", ds.getFirst().code());
        assertEquals(literal.indexOf("${"), ds.getFirst().range().start());
        assertTrue(ds.getFirst().range().end() <= literal.length());
    }

    @Test
    void frontEndReportsStringProblemsWithFilePositions() {
        MclParseResult r = MclFrontEnd.parse("$x = \"ok\"\n$y = \"\\q ${}\"\n", Dialect.MGMT_1_1);
        assertEquals(List.of("mcl-unknown-escape@16", "mcl-bad-interpolation@19"),
                r.diagnostics().stream().map(d -> d.code() + "@" + d.range().start()).toList());
        assertEquals(2, r.program().statements().size());
    }
}
