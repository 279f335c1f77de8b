package rxlsp.mcl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.testing.ProjectPaths;

/**
 * mgmt's own formatter cases ({@code lang/format/tests} in mgmt's repository, in the shared corpus): every
 * {@code .mcl} is canonical and formats to itself, every {@code .badmcl} formats to the {@code .mcl} of the
 * same name. Prints the agreement and the difference of each disagreement.
 */
class MclFormatConformanceTest {

    @Test
    void agreesWithMgmtFmtOnItsCases() throws IOException {
        Path dir = ProjectPaths.corpus().resolve("mgmt/format/tests");
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(f -> f.toString().endsWith(".mcl") || f.toString().endsWith(".badmcl")).sorted().toList();
        }
        List<String> disagreements = new ArrayList<>();
        int canonical = 0;
        int bad = 0;
        for (Path input : cases) {
            String name = input.getFileName().toString();
            boolean badInput = name.endsWith(".badmcl");
            Path expectedFile = badInput ? input.resolveSibling(name.replace(".badmcl", ".mcl")) : input;
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            MclFormatter.Outcome outcome = MclFormatter.format(Files.readString(input, StandardCharsets.UTF_8), Dialect.MGMT_1_1);
            String got = outcome instanceof MclFormatter.Formatted f ? f.text() : "refused: " + ((MclFormatter.Refused) outcome).reason();
            if (got.equals(expected)) {
                if (badInput) {
                    bad++;
                } else {
                    canonical++;
                }
            } else {
                disagreements.add(name + ":\n" + firstDifference(expected, got));
            }
        }
        long canonicalCases = cases.stream().filter(p -> p.toString().endsWith(".mcl")).count();
        long badCases = cases.size() - canonicalCases;
        System.out.printf("mgmt fmt cases: %d/%d canonical .mcl unchanged, %d/%d .badmcl formatted to their .mcl%n",
                canonical, canonicalCases, bad, badCases);
        disagreements.forEach(System.out::println);
        assertTrue(cases.size() >= 17, "mgmt's formatter cases are missing from " + dir);
        assertEquals(List.of(), disagreements);
    }

    /**
     * mgmt's CI keeps every example and every interpreter case in {@code mgmt fmt}'s form (its formatter
     * test runs over all of them except the {@code nofmt} cases): each must format to itself.
     */
    @Test
    void mgmtsCorpusIsAlreadyCanonical() {
        List<String> changed = new ArrayList<>();
        List<FormatCorpus.Program> programs = FormatCorpus.programs(ProjectPaths.corpus().resolve("mgmt"), Dialect.MGMT_1_1)
                .stream().filter(p -> !p.exempt()).toList();
        for (FormatCorpus.Program p : programs) {
            MclFormatter.Outcome outcome = MclFormatter.format(p.text(), p.dialect());
            String got = outcome instanceof MclFormatter.Formatted f ? f.text() : "refused: " + ((MclFormatter.Refused) outcome).reason();
            if (!got.equals(p.text())) {
                changed.add(p.name() + ":\n" + firstDifference(p.text(), got));
            }
        }
        System.out.printf("mgmt's corpus (1.1) in mgmt fmt's form: %d/%d programs unchanged by rx-lsp's formatter%n",
                programs.size() - changed.size(), programs.size());
        changed.forEach(System.out::println);
        assertTrue(programs.size() > 400, "mgmt's corpus is missing");
        assertEquals(List.of(), changed);
    }

    /** The first differing line of two texts, with its number, for the report. */
    static String firstDifference(String expected, String got) {
        String[] a = expected.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "  line " + (i + 1) + "\n  expected: " + x + "\n  got:      " + y;
            }
        }
        return "  (same lines)";
    }
}
