package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/**
 * Conformance of the MCL grammar with mgmt's own parser, over mgmt's test corpus in
 * {@code ../shared/corpus}: {@code mgmt/} (mgmt 1.1+, parsed as {@link Dialect#MGMT_1_1}) and
 * {@code mgmt-1.0/} (mgmt 1.0.2, parsed as {@link Dialect#MGMT_1_0}).
 * <ul>
 * <li>interpreter txtars whose {@code OUTPUT} is not an {@code errLexParse} error: every {@code .mcl}
 *     section parses without error;</li>
 * <li>{@code errLexParse} txtars: the file the error names has an error, and the first one is on the
 *     line mgmt reports (1.1+: {@code /main.mcl @ 1:12-1:13}; 1.0: {@code @1:12}, main.mcl);</li>
 * <li>every example program (except the intentionally broken {@code modules/badexample*}) and every
 *     formatter input ({@code .mcl} and {@code .badmcl}, which mgmt's formatter must parse) parses clean.</li>
 * </ul>
 * Prints an agreement table per dialect and kind, and fails on any disagreement.
 */
class MclConformanceTest {
    private static final Pattern BYLINE = Pattern.compile("(/[^\\s@]+) @ (\\d+):(\\d+)-(\\d+):(\\d+)");

    @Test
    void mgmt11CorpusAgrees() {
        check(Dialect.MGMT_1_1, ProjectPaths.corpus().resolve("mgmt"));
    }

    @Test
    void mgmt10CorpusAgrees() {
        check(Dialect.MGMT_1_0, ProjectPaths.corpus().resolve("mgmt-1.0"));
    }

    private static void check(Dialect dialect, Path root) {
        ProjectPaths.requireTier(Files.isDirectory(root), "the corpus folder " + root + " is missing");
        Map<String, CorpusTally> table = new LinkedHashMap<>();
        for (String kind : List.of("interpreter, accepted", "interpreter, errLexParse", "examples", "formatter inputs")) {
            table.put(kind, new CorpusTally());
        }
        long start = System.nanoTime();
        int parsed = 0;

        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            String name = root.relativize(txtar).toString();
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            String output = sections.getOrDefault("OUTPUT", "");
            String errLine = output.lines().filter(l -> MgmtCorpus.LEX_PARSE.matcher(l).matches()).findFirst().orElse(null);
            if (errLine == null) {
                CorpusTally tally = table.get("interpreter, accepted");
                List<String> problems = new ArrayList<>();
                for (var section : sections.entrySet()) {
                    if (section.getKey().endsWith(".mcl")) {
                        parsed++;
                        List<SyntaxError> errors = MclSyntax.parse(section.getValue(), dialect);
                        if (!errors.isEmpty()) {
                            problems.add(section.getKey() + ":" + errors.get(0));
                        }
                    }
                }
                tally.record(name, problems.isEmpty(), String.join("; ", problems));
            } else {
                CorpusTally tally = table.get("interpreter, errLexParse");
                String file = "main.mcl";
                int line;
                Matcher byline = BYLINE.matcher(errLine);
                Matcher old = MgmtCorpus.OLD_BYLINE.matcher(errLine);
                if (byline.find()) {
                    file = byline.group(1).substring(1);
                    line = Integer.parseInt(byline.group(2));
                } else if (old.find()) {
                    line = Integer.parseInt(old.group(1));
                } else {
                    tally.record(name, false, "no position in: " + errLine);
                    continue;
                }
                String source = sections.get(file);
                if (source == null) {
                    tally.record(name, false, "no section " + file);
                    continue;
                }
                parsed++;
                List<SyntaxError> errors = MclSyntax.parse(source, dialect);
                boolean agreed = !errors.isEmpty() && errors.get(0).line() == line;
                tally.record(name, agreed, "mgmt: line " + line + " (" + errLine.substring("# err: errLexParse: ".length())
                        + "); rx-lsp: " + (errors.isEmpty() ? "no error" : file + ":" + errors.get(0)));
            }
        }

        for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
            String name = root.relativize(mcl).toString();
            if (name.replace('\\', '/').contains("modules/badexample")) {
                continue; // intentionally broken (see the corpus README)
            }
            parsed++;
            clean(table.get("examples"), name, MgmtCorpus.read(mcl), dialect);
        }
        Path format = root.resolve("format").resolve("tests");
        if (Files.isDirectory(format)) {
            for (Path mcl : MgmtCorpus.files(format, "mcl")) {
                parsed++;
                clean(table.get("formatter inputs"), root.relativize(mcl).toString(), MgmtCorpus.read(mcl), dialect);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        StringBuilder report = new StringBuilder();
        report.append(String.format("%nMCL conformance, %s on %s (%d files parsed in %d ms)%n", dialect, root, parsed, millis));
        report.append(String.format("  %-26s %6s %7s %10s%n", "kind", "cases", "agreed", "disagreed"));
        int disagreed = 0;
        for (var row : table.entrySet()) {
            CorpusTally t = row.getValue();
            report.append(String.format("  %-26s %6d %7d %10d%n", row.getKey(), t.cases, t.agreed, t.disagreed.size()));
            disagreed += t.disagreed.size();
        }
        for (var row : table.entrySet()) {
            for (String d : row.getValue().disagreed) {
                report.append("  DISAGREE ").append(row.getKey()).append(": ").append(d).append('\n');
            }
        }
        System.out.print(report);
        assertTrue(table.get("interpreter, accepted").cases > 50, "expected mgmt's interpreter tests under " + root);
        assertEquals(0, disagreed, report.toString());
    }

    private static void clean(CorpusTally tally, String name, String source, Dialect dialect) {
        List<SyntaxError> errors = MclSyntax.parse(source, dialect);
        tally.record(name, errors.isEmpty(), errors.isEmpty() ? "" : "rx-lsp: " + errors.get(0));
    }
}
