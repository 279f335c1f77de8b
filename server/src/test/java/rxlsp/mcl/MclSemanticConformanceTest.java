package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.FileImports;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;
import rxlsp.testing.ProjectPaths;

/**
 * Conformance of the semantic stages (init, scope, type) with mgmt over its interpreter tests and
 * examples in {@code ../shared/corpus}:
 * <ul>
 * <li>cases mgmt accepts statically (success, or a run-time-only error: {@code errStream},
 *     {@code errInterpret}, 1.0's {@code errValidate}) and every example program: no error at all;</li>
 * <li>cases with a static error ({@code errInit}, {@code errInterpolate}, {@code errSetScope},
 *     {@code errUnify}, {@code errGraph}): at least one error of the matching stage on mgmt's line in
 *     mgmt's file, or within mgmt's range when it spans lines (1.0 outputs often carry no position: then
 *     any error of that stage counts).</li>
 * </ul>
 * Prints an agreement table per stage. No-false-error is required of every accepted case; static
 * errors must reach the floor below (the measured figure when it was last raised).
 */
class MclSemanticConformanceTest {
    private static final Pattern ERR = Pattern.compile("^# err: (err[A-Za-z]+): (.*)$");
    private static final Pattern BYLINE = Pattern.compile("(/[^\\s@:]+) @ (\\d+):(\\d+)-(\\d+):(\\d+)");
    private static final Set<String> RUNTIME = Set.of("errStream", "errInterpret", "errValidate");
    private static final Map<String, Set<String>> STAGES = Map.of(
            "errInit", Set.of("init"), "errGraph", Set.of("graph", "init"), "errInterpolate", Set.of("interpolate"),
            "errSetScope", Set.of("scope"), "errUnify", Set.of("type", "resource", "unify"));
    /** Floors for the share of static-error cases found on mgmt's line, per dialect (percent). */
    private static final Map<Dialect, Double> STATIC_FLOOR = Map.of(Dialect.MGMT_1_1, 95.0, Dialect.MGMT_1_0, 95.0);

    @Test
    void mgmt11() {
        check(Dialect.MGMT_1_1, ProjectPaths.corpus().resolve("mgmt"));
    }

    @Test
    void mgmt10() {
        check(Dialect.MGMT_1_0, ProjectPaths.corpus().resolve("mgmt-1.0"));
    }

    private static void check(Dialect dialect, Path root) {
        ProjectPaths.requireTier(Files.isDirectory(root), "the corpus folder " + root + " is missing");
        Catalog catalog = Catalog.builtIn(dialect);
        Map<String, CorpusTally> table = new LinkedHashMap<>();
        List<String> falseErrors = new ArrayList<>();
        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            String name = root.relativize(txtar).toString();
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            String errLine = sections.getOrDefault("OUTPUT", "").lines().filter(l -> l.startsWith("# err: ")).findFirst().orElse(null);
            Matcher err = errLine == null ? null : ERR.matcher(errLine);
            String stage = err != null && err.matches() ? err.group(1) : null;
            if ("errLexParse".equals(stage) || !sections.containsKey("main.mcl")) {
                continue; // the parser's conformance test covers these
            }
            Map<String, List<Diagnostic>> found = analyse(sections, dialect, catalog);
            if (stage == null || RUNTIME.contains(stage)) {
                String kind = stage == null ? "accepted" : "runtime-only (" + stage + ")";
                String problems = describe(found, sections);
                table.computeIfAbsent(kind, k -> new CorpusTally()).record(name, problems.isEmpty(), problems);
                if (!problems.isEmpty()) {
                    falseErrors.add(name + ": " + problems);
                }
                continue;
            }
            CorpusTally tally = table.computeIfAbsent(stage, k -> new CorpusTally());
            Set<String> stages = STAGES.getOrDefault(stage, Set.of());
            Matcher by = BYLINE.matcher(err.group(2));
            boolean agreed;
            String where;
            if (by.find()) {
                String file = by.group(1).substring(1);
                int line = Integer.parseInt(by.group(2));
                int lastLine = Integer.parseInt(by.group(4));
                where = file + ":" + line;
                LineIndex lines = LineIndex.of(sections.getOrDefault(file, ""));
                // on mgmt's line, or inside mgmt's range when that spans lines (a whole resource: rx-lsp points at the field)
                agreed = found.getOrDefault(file, List.of()).stream().anyMatch(d -> stages.contains(d.stage())
                        && lines.lineOf(d.range().start()) + 1 >= line && lines.lineOf(d.range().start()) + 1 <= lastLine);
            } else {
                where = "anywhere";
                agreed = found.values().stream().flatMap(List::stream).anyMatch(d -> stages.contains(d.stage()));
            }
            tally.record(name, agreed, "mgmt: " + where + " " + err.group(2) + "; rx-lsp: " + describe(found, sections));
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
            String name = root.relativize(mcl).toString();
            if (name.replace('\\', '/').contains("modules/")) {
                continue; // modules are checked through the examples that import them; badexample* are broken on purpose
            }
            MclParseResult parsed = MclFrontEnd.parse(MgmtCorpus.read(mcl), dialect);
            Map<String, List<Diagnostic>> found = new LinkedHashMap<>();
            found.put("main.mcl", new ArrayList<>(parsed.diagnostics()));
            if (!parsed.hasErrors()) {
                MclCheckResult r = MclChecker.check(parsed.program(), catalog, new FileImports(mcl), dialect);
                found.get("main.mcl").addAll(r.diagnostics());
                found.putAll(r.moduleDiagnostics());
            }
            String problems = describe(found, Map.of("main.mcl", MgmtCorpus.read(mcl)));
            table.computeIfAbsent("examples", k -> new CorpusTally()).record(name, problems.isEmpty(), problems);
            if (!problems.isEmpty()) {
                falseErrors.add(name + ": " + problems);
            }
        }

        StringBuilder report = new StringBuilder(String.format("%nMCL semantic conformance, %s on %s%n", dialect, root));
        report.append(String.format("  %-32s %6s %7s %10s %7s%n", "mgmt outcome", "cases", "agreed", "disagreed", "%"));
        int staticCases = 0;
        int staticAgreed = 0;
        for (var row : table.entrySet()) {
            CorpusTally t = row.getValue();
            report.append(String.format("  %-32s %6d %7d %10d %6.1f%%%n", row.getKey(), t.cases, t.agreed, t.disagreed.size(),
                    100.0 * t.agreed / Math.max(1, t.cases)));
            if (STAGES.containsKey(row.getKey())) {
                staticCases += t.cases;
                staticAgreed += t.agreed;
            }
        }
        double staticShare = 100.0 * staticAgreed / Math.max(1, staticCases);
        report.append(String.format("  static errors found on mgmt's line: %d of %d (%.1f%%)%n", staticAgreed, staticCases, staticShare));
        for (var row : table.entrySet()) {
            for (String d : row.getValue().disagreed) {
                report.append("  DISAGREE ").append(row.getKey()).append(": ").append(d).append('\n');
            }
        }
        System.out.print(report);
        assertTrue(falseErrors.isEmpty(), "false errors on programs mgmt accepts:\n" + String.join("\n", falseErrors));
        assertTrue(staticShare >= STATIC_FLOOR.get(dialect), report.toString());
    }

    /** Parse + semantic diagnostics of every file involved, by txtar section name. */
    static Map<String, List<Diagnostic>> analyse(Map<String, String> sections, Dialect dialect, Catalog catalog) {
        Map<String, List<Diagnostic>> found = new LinkedHashMap<>();
        MclParseResult parsed = MclFrontEnd.parse(sections.get("main.mcl"), dialect);
        found.put("main.mcl", new ArrayList<>(parsed.diagnostics()));
        if (!parsed.hasErrors()) {
            ImportResolver imports = new TxtarImports(sections);
            MclCheckResult r = MclChecker.check(parsed.program(), catalog, imports, dialect);
            found.get("main.mcl").addAll(r.diagnostics());
            r.moduleDiagnostics().forEach((file, list) -> found.computeIfAbsent(file, k -> new ArrayList<>()).addAll(list));
        }
        return found;
    }

    private static String describe(Map<String, List<Diagnostic>> found, Map<String, String> sections) {
        List<String> out = new ArrayList<>();
        found.forEach((file, list) -> {
            for (Diagnostic d : list) {
                if (d.severity() == Severity.ERROR) {
                    int line = LineIndex.of(sections.getOrDefault(file, "")).lineOf(d.range().start()) + 1;
                    out.add(file + ":" + line + " [" + d.stage() + "] " + d.message());
                }
            }
        });
        return String.join(" | ", out);
    }
}
