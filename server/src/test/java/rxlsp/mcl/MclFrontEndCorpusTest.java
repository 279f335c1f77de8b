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
import rxlsp.mcl.ast.Program;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.PositionEncoding;

/**
 * The front end over mgmt's corpus: what {@link MclConformanceTest} checks for the grammar, checked
 * again through {@link MclFrontEnd}, so that recovery and message rewriting never move mgmt's first
 * error, the AST builder handles every accepted program (one AST statement per parsed statement), and
 * string literals agree with mgmt's Interpolate stage (no diagnostic on accepted programs, one on
 * mgmt's line for its "parser failed" interpolate errors).
 */
class MclFrontEndCorpusTest {
    private static final Pattern INTERPOLATE = Pattern.compile("^# err: errInterpolate: parser failed: .*");
    private static final Pattern BYLINE = Pattern.compile("/main\\.mcl @ (\\d+):\\d+-\\d+:\\d+");

    @Test
    void mgmt11Corpus() {
        check(Dialect.MGMT_1_1, ProjectPaths.corpus().resolve("mgmt"));
    }

    @Test
    void mgmt10Corpus() {
        check(Dialect.MGMT_1_0, ProjectPaths.corpus().resolve("mgmt-1.0"));
    }

    private static void check(Dialect dialect, Path root) {
        ProjectPaths.requireTier(Files.isDirectory(root), "the corpus folder " + root + " is missing");
        Map<String, int[]> table = new LinkedHashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            String name = root.relativize(txtar).toString();
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            String output = sections.getOrDefault("OUTPUT", "");
            String lexParse = output.lines().filter(l -> MgmtCorpus.LEX_PARSE.matcher(l).matches()).findFirst().orElse(null);
            String interpolate = output.lines().filter(l -> INTERPOLATE.matcher(l).matches()).findFirst().orElse(null);
            if (lexParse != null || interpolate != null) {
                String kind = lexParse != null ? "errLexParse" : "errInterpolate (parser failed)";
                String errLine = lexParse != null ? lexParse : interpolate;
                String source = sections.get("main.mcl");
                if (source == null) {
                    continue; // errors in other files are covered by MclConformanceTest
                }
                MclParseResult result = MclFrontEnd.parse(source, dialect);
                Integer line = lineOf(errLine);
                boolean ok = !result.diagnostics().isEmpty()
                        && (line == null || line == line(source, result.diagnostics().getFirst()))
                        && result.diagnostics().getFirst().stage().equals(lexParse != null ? "syntax" : "interpolate");
                tally(table, disagreements, kind, name, ok, ok ? "" : "mgmt: " + errLine + "; rx-lsp: " + result.diagnostics());
            } else {
                for (var section : sections.entrySet()) {
                    if (section.getKey().endsWith(".mcl")) {
                        clean(table, disagreements, "accepted", name + ":" + section.getKey(), section.getValue(), dialect);
                    }
                }
            }
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
            String name = root.relativize(mcl).toString();
            if (!name.replace('\\', '/').contains("modules/badexample")) {
                clean(table, disagreements, "examples", name, MgmtCorpus.read(mcl), dialect);
            }
        }
        StringBuilder report = new StringBuilder(String.format("%nMclFrontEnd on %s (%s)%n", root, dialect));
        table.forEach((kind, n) -> report.append(String.format("  %-32s %5d cases %5d agreed%n", kind, n[0], n[1])));
        disagreements.forEach(d -> report.append("  DISAGREE ").append(d).append('\n'));
        System.out.print(report);
        assertTrue(table.get("accepted")[0] > 50, report.toString());
        assertEquals(List.of(), disagreements, report.toString());
    }

    private static void clean(Map<String, int[]> table, List<String> disagreements, String kind, String name,
                              String source, Dialect dialect) {
        MclParseResult result = MclFrontEnd.parse(source, dialect);
        int parsedStatements = MclSyntax.parseTree(source, dialect).tree().prog().stmt().size();
        Program program = result.program();
        boolean ok = result.diagnostics().isEmpty() && program.statements().size() == parsedStatements;
        tally(table, disagreements, kind, name, ok, ok ? "" : result.diagnostics() + " statements "
                + program.statements().size() + "/" + parsedStatements);
    }

    private static void tally(Map<String, int[]> table, List<String> disagreements, String kind, String name,
                              boolean ok, String detail) {
        int[] n = table.computeIfAbsent(kind, k -> new int[2]);
        n[0]++;
        if (ok) {
            n[1]++;
        } else {
            disagreements.add(kind + " " + name + ": " + detail);
        }
    }

    private static Integer lineOf(String errLine) {
        Matcher byline = BYLINE.matcher(errLine);
        if (byline.find()) {
            return Integer.parseInt(byline.group(1));
        }
        Matcher old = MgmtCorpus.OLD_BYLINE.matcher(errLine);
        return old.find() ? Integer.parseInt(old.group(1)) : null;
    }

    private static int line(String source, Diagnostic d) {
        return LineIndex.of(source).position(d.range().start(), PositionEncoding.UTF16).line() + 1;
    }
}
