package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;
import rxlsp.testing.RandomEdits;

/**
 * Reparsing only the statements an edit touches must give exactly what a full parse of the new text
 * gives: the same tree (records compare by value, ranges included), comments and diagnostics.
 */
class MclIncrementalParserTest {
    private static final String PROGRAM = """
            import "fmt"
            # the name
            $name = "héllo"
            $n = 42 # trailing
            func f($x) {
            \t$x + 1
            }
            class c($a) {
            \tfile "/tmp/${a}" {
            \t\tcontent => fmt.printf("%d", f($n)),
            \t}
            }
            include c("x")
            $last = [1, 2, 3]
            """;

    @Test
    void anEditInsideOneStatementIsSplicedAndEqualsAFullParse() {
        String edited = PROGRAM.replace("$x + 1", "$x + 12345");
        MclParseResult reparsed = reparse(PROGRAM, edited);
        assertNotNull(reparsed, "the splice path was not taken");
        assertSameAsFullParse(edited, reparsed);
    }

    @Test
    void statementsAndCommentsAfterTheEditMove() {
        String edited = PROGRAM.replace("$name = \"héllo\"", "$name = \"héllo wörld\" # moved");
        MclParseResult reparsed = reparse(PROGRAM, edited);
        assertNotNull(reparsed);
        assertSameAsFullParse(edited, reparsed);
    }

    @Test
    void anEditThatBreaksTheProgramIsParsedFromItsStatementToTheEnd() {
        String edited = PROGRAM.replace("$x + 1\n}", "$x + 1\n"); // the func now swallows what follows
        MclParseResult reparsed = reparse(PROGRAM, edited);
        assertNotNull(reparsed, "the statements before the edit are kept, the rest parsed again");
        assertSameAsFullParse(edited, reparsed);
        assertSameAsFullParse(edited, new MclIncrementalParser().parse(edited, Dialect.MGMT_1_1));
        // an edit in the first statements is a full parse
        assertNull(reparse(PROGRAM, PROGRAM.replace("import \"fmt\"", "import \"fmt")));
    }

    @Test
    void anErrorBeforeTheEditIsKept() {
        String broken = PROGRAM.replace("$name = \"héllo\"", "$name = + \"héllo\"");
        String edited = broken.replace("$x + 1", "$x + 12345");
        MclParseResult before = MclFrontEnd.parse(broken, Dialect.MGMT_1_1);
        assertTrue(before.hasErrors());
        MclParseResult reparsed = MclIncrementalParser.reparse(broken, before, edited);
        assertNotNull(reparsed, "the splice path was not taken");
        assertSameAsFullParse(edited, reparsed);
        // an error after the edit may have its cause in it (an unclosed bracket is reported at the end): parsed in full
        assertNull(MclIncrementalParser.reparse(broken, before, broken.replace("import \"fmt\"", "import \"fmt\"\n")));
    }

    @Test
    void anUnfinishedStringIsParsedToTheEnd() {
        String edited = PROGRAM.replace("$n = 42", "$n = \"42");
        assertSameAsFullParse(edited, reparse(PROGRAM, edited));
    }

    @Test
    void theParserKeepsItsLastVersion() {
        MclIncrementalParser parser = new MclIncrementalParser();
        MclParseResult first = parser.parse(PROGRAM, Dialect.MGMT_1_1);
        assertTrue(first == parser.parse(PROGRAM, Dialect.MGMT_1_1), "the same text is not parsed again");
        String edited = PROGRAM.replace("42", "43");
        assertSameAsFullParse(edited, parser.parse(edited, Dialect.MGMT_1_1));
        // a change of dialect is a full parse in the new dialect
        assertEquals(Dialect.MGMT_1_0, parser.parse(edited, Dialect.MGMT_1_0).dialect());
    }

    @Test
    void randomEditsOfTheCorpusAgreeWithFullParses() {
        Path root = ProjectPaths.corpus();
        record Example(String text, Dialect dialect) {
        }
        List<Example> programs = new ArrayList<>();
        for (Path mcl : MgmtCorpus.files(root.resolve("mgmt").resolve("examples"), ".mcl")) {
            programs.add(new Example(MgmtCorpus.read(mcl), Dialect.MGMT_1_1));
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("mgmt-1.0").resolve("examples"), ".mcl")) {
            programs.add(new Example(MgmtCorpus.read(mcl), Dialect.MGMT_1_0));
        }
        ProjectPaths.requireTier(!programs.isEmpty(), "no examples under " + root);
        programs.add(new Example(PROGRAM, Dialect.MGMT_1_1));
        Random random = new Random(20261126);
        int versions = 0;
        int spliced = 0;
        for (Example example : programs) {
            MclIncrementalParser parser = new MclIncrementalParser();
            String program = example.text();
            Dialect dialect = example.dialect();
            String text = program;
            MclParseResult last = parser.parse(text, dialect);
            for (int i = 0; i < 12; i++) {
                if (last.hasErrors() && random.nextInt(3) > 0) {
                    text = program; // mostly edit valid versions: a broken one is always parsed in full
                    last = parser.parse(text, dialect);
                }
                String next = RandomEdits.typing(text, random);
                boolean splice = reparse(text, last, next) != null;
                MclParseResult result = parser.parse(next, dialect);
                assertSameAsFullParse(next, result);
                versions++;
                spliced += splice ? 1 : 0;
                text = next;
                last = result;
            }
        }
        System.out.printf("incremental MCL parse: %d of %d random versions spliced, all equal to full parses%n", spliced,
                versions);
        assertTrue(spliced > versions / 4, "too few edits took the splice path (" + spliced + " of " + versions
                + "): the test no longer exercises it");
    }

    private static MclParseResult reparse(String before, String after) {
        return reparse(before, MclFrontEnd.parse(before, Dialect.MGMT_1_1), after);
    }

    private static MclParseResult reparse(String before, MclParseResult parsed, String after) {
        return MclIncrementalParser.reparse(before, parsed, after);
    }

    private static void assertSameAsFullParse(String text, MclParseResult result) {
        MclParseResult full = MclFrontEnd.parse(text, result.dialect());
        assertEquals(full.program(), result.program(), () -> "tree differs for:\n" + text);
        assertEquals(full.diagnostics(), result.diagnostics(), () -> "diagnostics differ for:\n" + text);
    }
}
