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
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.InitChecks;
import rxlsp.mcl.check.ResourceChecks;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;

/**
 * {@link InitChecks} and {@link ResourceChecks} over mgmt's test corpus ({@code mgmt/} with the 1.1 catalogue,
 * {@code mgmt-1.0/} with the 1.0 one):
 * <ul>
 * <li>cases mgmt accepts, or rejects only at run time ({@code errStream}, {@code errInterpret}, {@code errValidate}),
 *     and the example programs (type-checked in mgmt's CI): no error at all — any is a false error and fails the test;</li>
 * <li>cases mgmt rejects in a stage before ours ({@code errInterpolate}, {@code errSetScope}): no error of an earlier
 *     stage than mgmt's (mgmt would have reported that first);</li>
 * <li>cases mgmt rejects in a stage these checks cover ({@code errInit}, {@code errUnify}, {@code errGraph}): counted as
 *     caught when an error of that stage lies on the lines of mgmt's byline (any such error when mgmt gives no byline);
 *     unification errors not about resources, edges or send/recv are type inference's and listed apart.</li>
 * </ul>
 * Prints a table per dialect.
 */
class InitResourceCorpusTest {
    private static final Pattern ERR = Pattern.compile("^# err: (err[A-Za-z]+): (.*)$");
    private static final Pattern BYLINE = Pattern.compile("/([^\\s@]+) @ (\\d+):(\\d+)-(\\d+):(\\d+)");
    private static final Pattern RESOURCE_UNIFY = Pattern.compile("edge|send/recv|does not exist in|resource kind");
    private static final List<String> ORDER = List.of("init", "interpolate", "scope", "type", "graph");
    private static final Map<String, String> STAGE_OF = Map.of("errInit", "init", "errInterpolate", "interpolate",
            "errSetScope", "scope", "errUnify", "type", "errGraph", "graph");

    @Test
    void mgmt11() {
        run(Dialect.MGMT_1_1, ProjectPaths.corpus().resolve("mgmt"));
    }

    @Test
    void mgmt10() {
        run(Dialect.MGMT_1_0, ProjectPaths.corpus().resolve("mgmt-1.0"));
    }

    private static void run(Dialect dialect, Path root) {
        ProjectPaths.requireTier(Files.isDirectory(root), "the corpus folder " + root + " is missing");
        Catalog catalog = Catalog.builtIn(dialect);
        Map<String, Row> table = new LinkedHashMap<>();
        List<String> falseErrors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            String name = root.relativize(txtar).toString();
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            String err = sections.getOrDefault("OUTPUT", "").lines().map(ERR::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1) + "\t" + m.group(2)).findFirst().orElse(null);
            String harness = err == null ? "success" : err.substring(0, err.indexOf('\t'));
            if (harness.equals("errLexParse")) {
                continue;
            }
            Map<String, List<Diagnostic>> found = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (var s : sections.entrySet()) {
                if (s.getKey().endsWith(".mcl")) {
                    MclParseResult parsed = MclFrontEnd.parse(s.getValue(), dialect);
                    if (parsed.hasErrors()) {
                        continue;
                    }
                    List<Diagnostic> errors = new ArrayList<>();
                    errors.addAll(InitChecks.check(parsed.program(), catalog));
                    errors.addAll(ResourceChecks.check(parsed.program(), catalog));
                    String where = name + "/" + s.getKey();
                    errors.stream().filter(d -> d.severity() == Severity.WARNING).forEach(d -> warnings.add(where + ": " + d.message()));
                    errors.removeIf(d -> d.severity() != Severity.ERROR);
                    found.put(s.getKey(), errors);
                    texts.put(s.getKey(), s.getValue());
                }
            }
            String stage = STAGE_OF.get(harness);
            if (stage == null) { // success or a run-time error: nothing may be reported
                Row row = table.computeIfAbsent(err == null ? "accepted" : "run time (" + harness + ")", k -> new Row());
                boolean clean = found.values().stream().allMatch(List::isEmpty);
                row.add(clean);
                if (!clean) {
                    falseErrors.add(name + ": " + describe(found, texts));
                }
                continue;
            }
            // nothing of a stage before mgmt's may be reported
            int limit = ORDER.indexOf(stage);
            boolean early = found.values().stream().flatMap(List::stream).anyMatch(d -> ORDER.indexOf(d.stage()) < limit);
            if (early) {
                falseErrors.add(name + " (mgmt: " + harness + "): " + describe(found, texts));
            }
            if (!List.of("init", "type", "graph").contains(stage)) {
                table.computeIfAbsent("earlier stage (" + harness + ")", k -> new Row()).add(!early);
                continue;
            }
            // unification errors about resources, edges and send/recv are ours; the rest is type inference's
            boolean ours = !stage.equals("type") || RESOURCE_UNIFY.matcher(err).find();
            Row row = table.computeIfAbsent("caught " + harness + (stage.equals("type") ? ours ? " (resources)" : " (types: not ours)" : ""),
                    k -> new Row());
            Matcher by = BYLINE.matcher(err);
            boolean caught;
            if (by.find()) {
                String file = by.group(1);
                int from = Integer.parseInt(by.group(2));
                int to = Integer.parseInt(by.group(4));
                String text = texts.get(file);
                caught = text != null && found.get(file).stream().filter(d -> d.stage().equals(stage)).anyMatch(d -> {
                    int line = lineOf(text, d.range().start());
                    return line >= from && line <= to;
                });
            } else {
                caught = found.values().stream().flatMap(List::stream).anyMatch(d -> d.stage().equals(stage));
            }
            row.add(caught);
            if (ours) {
                row.note(name + (caught ? " caught" : " missed") + ": " + err.replace('\t', ' '));
            }
        }
        Row examples = table.computeIfAbsent("examples (mgmt CI type-checks)", k -> new Row());
        for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
            String name = root.relativize(mcl).toString();
            if (name.replace('\\', '/').contains("modules/badexample")) {
                continue;
            }
            String text = MgmtCorpus.read(mcl);
            MclParseResult parsed = MclFrontEnd.parse(text, dialect);
            if (parsed.hasErrors()) {
                continue;
            }
            List<Diagnostic> errors = new ArrayList<>(InitChecks.check(parsed.program(), catalog));
            errors.addAll(ResourceChecks.check(parsed.program(), catalog));
            errors.stream().filter(d -> d.severity() == Severity.WARNING).forEach(d -> warnings.add(name + ": " + d.message()));
            errors.removeIf(d -> d.severity() != Severity.ERROR);
            examples.add(errors.isEmpty());
            if (!errors.isEmpty()) {
                falseErrors.add(name + ": " + describe(Map.of(name, errors), Map.of(name, text)));
            }
        }

        StringBuilder report = new StringBuilder(String.format("%nInit and resource checks, %s on %s%n", dialect, root));
        report.append(String.format("  %-34s %6s %6s%n", "case kind", "cases", "ok"));
        table.forEach((k, r) -> report.append(String.format("  %-34s %6d %6d%n", k, r.cases, r.ok)));
        table.values().forEach(r -> r.notes.forEach(n -> report.append("    ").append(n).append('\n')));
        warnings.forEach(w -> report.append("  warning ").append(w).append('\n'));
        falseErrors.forEach(f -> report.append("  FALSE ERROR ").append(f).append('\n'));
        System.out.print(report);
        assertTrue(table.containsKey("accepted") && table.get("accepted").cases > 20, "expected mgmt's interpreter tests under " + root);
        assertEquals(List.of(), falseErrors, report.toString());
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String describe(Map<String, List<Diagnostic>> found, Map<String, String> texts) {
        List<String> out = new ArrayList<>();
        found.forEach((file, ds) -> ds.forEach(d -> out.add(file + ":" + lineOf(texts.get(file), d.range().start()) + " "
                + d.stage() + " " + d.code() + " " + d.message())));
        return String.join("; ", out);
    }

    private static final class Row {
        int cases;
        int ok;
        final List<String> notes = new ArrayList<>();

        void add(boolean good) {
            cases++;
            if (good) {
                ok++;
            }
        }

        void note(String text) {
            notes.add(text);
        }
    }
}
