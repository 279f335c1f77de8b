package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.text.Diagnostic;

/** Hostile input: the front end answers with diagnostics, quickly, and never throws. */
class MclBadInputTest {

    private static List<String> codes(MclParseResult r) {
        return r.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void tenThousandNestedBrackets() {
        String text = "$x = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n$y = 1\n";
        MclParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> MclFrontEnd.parse(text, Dialect.MGMT_1_1));
        assertTrue(codes(r).contains("mcl-too-deep"), r.diagnostics().toString());
    }

    @Test
    void tenThousandNestedParens() {
        String text = "$x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "\n";
        MclParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> MclFrontEnd.parse(text, Dialect.MGMT_1_0));
        assertTrue(codes(r).contains("mcl-too-deep"), r.diagnostics().toString());
    }

    @Test
    void unclosedNestingAtEndOfFile() {
        String text = "$x = " + "{".repeat(10_000);
        MclParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> MclFrontEnd.parse(text, Dialect.MGMT_1_1));
        assertFalse(r.diagnostics().isEmpty());
    }

    @Test
    void tenMegabytes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 10_000_000; i++) {
            sb.append("$v").append(i).append(" = [\"a\", \"b${x}\", 1 + 2 * ").append(i).append("]\n");
        }
        String text = sb.toString();
        // generous: about 20 s on a busy 2-core machine; what matters is that it ends
        MclParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(180), () -> MclFrontEnd.parse(text, Dialect.MGMT_1_1));
        assertEquals(List.of(), r.diagnostics());
        assertTrue(r.program().statements().size() > 100_000);
    }

    @Test
    void binaryData() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        MclParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> MclFrontEnd.parse(text, Dialect.MGMT_1_1));
        assertFalse(r.diagnostics().isEmpty());
    }

    @Test
    void unterminatedStringAtEndOfFile() {
        MclParseResult r = MclFrontEnd.parse("$x = 1\n$s = \"abc", Dialect.MGMT_1_1);
        assertEquals(List.of("mcl-unterminated-string"), codes(r));
        assertEquals(12, r.diagnostics().getFirst().range().start());
        assertEquals(1, r.program().statements().size());
    }

    @Test
    void crlfIsOneDiagnostic() {
        MclParseResult r = MclFrontEnd.parse("$x = 1\r\n$y = 2\r\n$z = 3\r\n", Dialect.MGMT_1_1);
        assertEquals(List.of("mcl-crlf"), codes(r));
        assertEquals(6, r.diagnostics().getFirst().range().start());
    }

    @Test
    void emptyAndBlank() {
        assertEquals(List.of(), MclFrontEnd.parse("", Dialect.MGMT_1_1).diagnostics());
        assertEquals(List.of(), MclFrontEnd.parse("\n\n# only a comment\n", Dialect.MGMT_1_1).diagnostics());
    }

    @Test
    void nestingBeyondTheLimitIsTooDeepWhateverTheStack() throws InterruptedException {
        // ANTLR itself parses 5,000 levels on a big stack, and on a 16 MB one it did or did not,
        // depending on how the JIT had compiled it by then; the bracket count answers the same always
        String deep = "$x = " + "[".repeat(5_000) + "]".repeat(5_000) + "\n$y = 1\n";
        // a syntax error at the deepest point: the AST builder's own limit never gets to answer
        String broken = "$x = " + "[".repeat(SegmentParser.MAX_NESTING + 1) + "1 1" + "]".repeat(SegmentParser.MAX_NESTING + 1)
                + "\n$y = 1\n";
        String within = "$x = " + "[".repeat(SegmentParser.MAX_NESTING) + "1 1" + "]".repeat(SegmentParser.MAX_NESTING) + "\n";
        for (long stack : new long[] {1L << 30, 16L << 20}) {
            for (String text : List.of(deep, broken)) {
                MclParseResult r = parseOnStack(text, stack);
                assertEquals(List.of("mcl-too-deep"), codes(r), stack + " bytes of stack");
                assertEquals(0, r.diagnostics().getFirst().range().start(), "at the statement");
                assertEquals(1, r.program().statements().size(), "the statement after the deep one is kept");
            }
            assertEquals(List.of("mcl-missing-comma"), codes(parseOnStack(within, stack)), "the limit itself parses");
        }
    }

    private static MclParseResult parseOnStack(String text, long stack) throws InterruptedException {
        MclParseResult[] result = new MclParseResult[1];
        Thread t = new Thread(null, () -> result[0] = MclFrontEnd.parse(text, Dialect.MGMT_1_1), "stack-" + stack, stack);
        t.start();
        t.join(60_000);
        return result[0];
    }

    @Test
    void tokenSoupNeverThrows() {
        String[] pieces = {"$x", " = ", "1", " ", "\n", "{", "}", "[", "]", "(", ")", ",", "=>", "?:", "->", "<|>", "||",
            "\"s ${a}\"", "\"\\q\"", "if ", "else ", "for ", "forkv ", "in ", "func ", "class ", "include ", "import ",
            "as ", "panic", "collect ", "test ", "Test", ":", ".", "and ", "or ", "not ", "+", "==", "<", "struct", "map",
            "int", "Meta", "Before", "#c\n", "\t", "\r", "\"", "-2", "3.5", "true"};
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            for (Dialect d : Dialect.values()) {
                try {
                    MclFrontEnd.parse(text, d);
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError(d + " threw on: " + text.replace("\n", "⏎"), e);
                }
            }
        }
    }

    @Test
    void astralCharactersKeepUtf16Ranges() {
        String text = "$x = \"😀\" + 1 2\n";
        MclParseResult r = MclFrontEnd.parse(text, Dialect.MGMT_1_1);
        assertEquals(text.indexOf(" 2") + 1, r.diagnostics().getFirst().range().start());
    }
}
