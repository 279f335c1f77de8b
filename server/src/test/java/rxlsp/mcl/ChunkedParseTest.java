package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/**
 * A program parsed in pieces equals the parse of the whole text, syntax errors included: over every
 * example of the corpus (both dialects), many of them glued into long programs, and broken
 * variants, with pieces far smaller than in use so that every possible cut is tried.
 */
class ChunkedParseTest {
    private record Example(String text, Dialect dialect) {
    }

    private static List<Example> corpus() {
        Path root = ProjectPaths.corpus();
        List<Example> out = new ArrayList<>();
        for (Path mcl : MgmtCorpus.files(root.resolve("mgmt").resolve("examples"), ".mcl")) {
            out.add(new Example(MgmtCorpus.read(mcl), Dialect.MGMT_1_1));
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("mgmt-1.0").resolve("examples"), ".mcl")) {
            out.add(new Example(MgmtCorpus.read(mcl), Dialect.MGMT_1_0));
        }
        ProjectPaths.requireTier(!out.isEmpty(), "no examples under " + root);
        return out;
    }

    @Test
    void piecesEqualTheWholeOrAreRefused() {
        Random random = new Random(16);
        int used = 0;
        int refused = 0;
        List<Example> examples = corpus();
        List<Example> texts = new ArrayList<>(examples);
        for (Dialect dialect : Dialect.values()) { // long programs glued from many examples
            StringBuilder glued = new StringBuilder();
            for (Example e : examples) {
                if (e.dialect() == dialect && random.nextInt(3) == 0) {
                    glued.append(e.text()).append(e.text().endsWith("\n") ? "" : "\n");
                }
            }
            texts.add(new Example(glued.toString(), dialect));
        }
        String[] typed = {"{", "}", "(", "\"", "\n", "$", "func", "import \"x\"\n", "+\n", "#", "]", "=> "};
        for (Example e : List.copyOf(texts)) { // and broken ones, which the pieces must report as the whole does
            for (int k = 0; k < 6; k++) {
                String t = e.text();
                int at = random.nextInt(t.length() + 1);
                texts.add(new Example(t.substring(0, at) + typed[random.nextInt(typed.length)] + t.substring(at), e.dialect()));
            }
        }
        for (Example e : texts) {
            MclParseResult whole = MclFrontEnd.parseWhole(e.text(), e.dialect());
            for (int size : new int[] {1, 40, 300}) {
                MclParseResult pieces = ChunkedParse.parse(e.text(), e.dialect(), size);
                if (pieces == null) {
                    boolean couldCut = !ChunkedParse.cuts(e.text(), e.dialect(), size).isEmpty();
                    if (couldCut && whole.diagnostics().isEmpty()) {
                        refused++; // a clean program cut where no statement starts: the pieces were refused
                        if (System.getenv("SHOW_REFUSED") != null) {
                            System.out.println("REFUSED (" + size + ", " + e.dialect() + "):\n" + e.text());
                        }
                    }
                    continue;
                }
                used++;
                assertEquals(whole.program(), pieces.program(), () -> "tree differs (pieces of " + size + "):\n" + e.text());
                assertEquals(whole.diagnostics(), pieces.diagnostics());
            }
        }
        System.out.printf("chunked MCL parse: %d parses in pieces equal to the whole; %d clean programs cut where no"
                + " statement starts (refused)%n", used, refused);
        assertTrue(used > 10 * refused, "the pieces path is hardly taken: " + used + " used, " + refused + " refused");
    }

    @Test
    void aLargeProgramIsParsedInPieces() {
        StringBuilder text = new StringBuilder("import \"fmt\"\n");
        for (int i = 0; text.length() < ChunkedParse.MIN_CHARS + 10_000; i++) {
            text.append("$v").append(i).append(" = fmt.printf(\"%d\", ").append(i).append(")\n");
        }
        assertFalse(ChunkedParse.cuts(text.toString(), Dialect.MGMT_1_1, ChunkedParse.CHUNK_CHARS).isEmpty());
        MclParseResult pieces = ChunkedParse.parse(text.toString(), Dialect.MGMT_1_1);
        assertNotNull(pieces);
        assertEquals(MclFrontEnd.parseWhole(text.toString(), Dialect.MGMT_1_1).program(), pieces.program());
    }

    /**
     * Over {@link ChunkedParse#WHOLE_LIMIT}, a syntax error whose reach cannot be confined (an unclosed
     * brace or string) does not make the rest one parse of megabytes: the rest is parsed in pieces. The
     * statements before the error and the first error are those of the whole parse.
     */
    @Test
    void aHugeProgramWithAnUnconfinedErrorIsStillParsedInPieces() {
        StringBuilder valid = new StringBuilder("import \"fmt\"\n");
        for (int i = 0; valid.length() < ChunkedParse.WHOLE_LIMIT + 200_000; i++) {
            valid.append("$v").append(i).append(" = fmt.printf(\"%d\", ").append(i).append(")\n");
        }
        String text = valid.toString();
        int at = text.indexOf("$v1000 ");
        for (String broken : List.of(text.substring(0, at) + "if true {\n" + text.substring(at),
                text.substring(0, at) + "$open = \"" + text.substring(at))) {
            MclParseResult pieces = ChunkedParse.parse(broken, Dialect.MGMT_1_1);
            assertNotNull(pieces);
            MclParseResult whole = MclFrontEnd.parseWhole(broken, Dialect.MGMT_1_1);
            assertFalse(pieces.diagnostics().isEmpty());
            assertEquals(whole.diagnostics().getFirst(), pieces.diagnostics().getFirst());
            assertEquals(whole.program().statements().subList(0, 1001), pieces.program().statements().subList(0, 1001));
        }
    }
}
