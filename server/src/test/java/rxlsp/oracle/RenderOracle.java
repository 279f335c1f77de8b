package rxlsp.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.NixVersion;
import rxlsp.testing.OracleTools;
import rxlsp.testing.RxCodegen;
import rxlsp.testing.RxNixEvaluator;

/**
 * rx.nix's real pipeline against {@code rx-lsp render}: each configuration is evaluated with rx.nix's
 * modules under nixpkgs' {@code lib.evalModules} by a real Nix, its IR rendered by rx.nix's Go
 * renderer, and the result compared byte for byte with rx-lsp's rendering for the same Nix version
 * (a {@code ${…}} hole, a value only Nix knows, matches any text). A configuration Nix rejects has no
 * program; rx-lsp's check must then report an error. Differences are kept with the configuration's
 * files, {@code expected.mcl} (rx.nix) and {@code got.mcl} (rx-lsp).
 */
final class RenderOracle {
    /** One configuration: a name for the report and its root module. */
    record Case(String name, Path root) {
    }

    enum Verdict { IDENTICAL, MATCHES_WITH_HOLES, DIFFERENT, BOTH_REJECT, REJECTION_DIFFERS, RENDERER_FAILS }

    /** @param expected what rx.nix's renderer wrote, when it rendered */
    record Outcome(Case c, Verdict verdict, String detail, String expected) {
        Outcome(Case c, Verdict verdict, String detail) {
            this(c, verdict, detail, null);
        }
    }

    /** What one run found; {@code seconds} per step. */
    record Report(OracleTools.NixRelease release, List<Outcome> outcomes, double nixSeconds, double goSeconds,
                  double rxLspSeconds) {
        long count(Verdict v) {
            return outcomes.stream().filter(o -> o.verdict() == v).count();
        }

        List<Outcome> disagreements() {
            return outcomes.stream().filter(o -> switch (o.verdict()) {
                case DIFFERENT, REJECTION_DIFFERS, RENDERER_FAILS -> true;
                default -> false;
            }).toList();
        }

        /** Differences grouped by where the first differing line is (imports, vars, raw blocks, rx.res, …). */
        Map<String, Long> differenceClasses() {
            Map<String, Long> out = new TreeMap<>();
            disagreements().forEach(o -> out.merge(o.verdict() == Verdict.DIFFERENT
                    ? o.detail().lines().findFirst().orElse("") : o.verdict().toString(), 1L, Long::sum));
            return out;
        }

        /** Why Nix rejected configurations: the module system's error classes, or Nix's first words. */
        Map<String, Long> rejections() {
            Map<String, Long> out = new TreeMap<>();
            outcomes.stream().filter(o -> o.verdict() == Verdict.BOTH_REJECT || o.verdict() == Verdict.REJECTION_DIFFERS)
                    .forEach(o -> out.merge(ModuleSystemErrors.parse(o.detail()).map(e -> e.kind().toString())
                            .orElse(o.detail().lines().findFirst().orElse("").replaceAll("'.*", "")), 1L, Long::sum));
            return out;
        }

        String summary() {
            return String.format("render oracle, Nix %s: %d configurations; identical %d, equal up to Nix-only values %d,"
                            + " rejected by Nix and by rx-lsp's check %d; different %d, rejected by Nix without rx-lsp's matching error %d,"
                            + " renderer failed %d (Nix %.1f s, Go %.1f s, rx-lsp %.1f s)",
                    release.setting(), outcomes.size(), count(Verdict.IDENTICAL), count(Verdict.MATCHES_WITH_HOLES),
                    count(Verdict.BOTH_REJECT), count(Verdict.DIFFERENT), count(Verdict.REJECTION_DIFFERS),
                    count(Verdict.RENDERER_FAILS), nixSeconds, goSeconds, rxLspSeconds);
        }
    }

    private final Path work;
    private final Path failures;

    /** @param failures where the configurations that disagree are kept */
    RenderOracle(Path work, Path failures) {
        this.work = work;
        this.failures = failures;
    }

    /** @param messages whether to run each rejected configuration again for Nix's message (slow) */
    Report run(List<Case> cases, OracleTools.NixRelease release, boolean messages) throws IOException, InterruptedException {
        NixVersion version = NixVersion.forSetting(release.setting()).orElseThrow();
        long t0 = System.nanoTime();
        RxNixEvaluator nix = new RxNixEvaluator(OracleTools.nixInstantiate(release), work);
        List<RxNixEvaluator.Outcome> evaluated = nix.evaluate(cases.stream().map(Case::root).toList(), messages);
        long t1 = System.nanoTime();
        List<String> irs = new ArrayList<>();
        for (RxNixEvaluator.Outcome e : evaluated) {
            if (e.ok()) {
                irs.add(e.irJson());
            }
        }
        List<RxCodegen.Rendered> rendered = RxCodegen.require(work).render(irs);
        long t2 = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        List<Integer> rejected = new ArrayList<>();
        try (RxLsp rxLsp = new RxLsp()) {
            int next = 0;
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                RxNixEvaluator.Outcome e = evaluated.get(i);
                if (!e.ok()) {
                    rejected.add(i);
                    outcomes.add(null);
                    continue;
                }
                RxCodegen.Rendered r = rendered.get(next++);
                AssembledProgram mine = rxLsp.render(c.root(), version);
                if (r.mcl() == null) {
                    outcomes.add(keep(c, release, Verdict.RENDERER_FAILS, r.error(), mine.text(), r.error()));
                } else if (RxLsp.matches(mine, r.mcl())) {
                    outcomes.add(new Outcome(c, mine.holes().isEmpty() ? Verdict.IDENTICAL : Verdict.MATCHES_WITH_HOLES, "",
                            r.mcl()));
                } else {
                    outcomes.add(keep(c, release, Verdict.DIFFERENT, where(r.mcl(), mine.text()), mine.text(), r.mcl()));
                }
            }
        }
        if (!rejected.isEmpty()) {
            List<RxLsp.Finding> findings = RxLsp.check(rejected.stream().map(i -> cases.get(i).root().getParent()).toList(), version);
            for (int i : rejected) {
                Case c = cases.get(i);
                Path dir = c.root().getParent().toAbsolutePath().normalize();
                String disagreement = Verdicts.compare(evaluated.get(i), Verdicts.evaluationErrors(findings, dir), dir);
                String why = evaluated.get(i).error();
                outcomes.set(i, disagreement == null ? new Outcome(c, Verdict.BOTH_REJECT, why)
                        : keep(c, release, Verdict.REJECTION_DIFFERS, why + "\n" + disagreement, "", why));
            }
        }
        long t3 = System.nanoTime();
        return new Report(release, outcomes, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    /** Which part of the program the first difference is in, and the two lines there. */
    private static String where(String expected, String got) {
        int i = 0;
        while (i < expected.length() && i < got.length() && expected.charAt(i) == got.charAt(i)) {
            i++;
        }
        int lineStart = expected.lastIndexOf('\n', Math.max(0, i - 1)) + 1;
        String section = section(expected, lineStart);
        return section + "\n  rx.nix: " + line(expected, lineStart) + "\n  rx-lsp: " + line(got, lineStart);
    }

    private static String section(String program, int at) {
        String line = line(program, at);
        if (line.startsWith("import ")) {
            return "imports";
        }
        if (line.matches("[\\w:.-]+ \".*\" \\{") || line.matches("  \\S+ +=> .*") || line.equals("}")) {
            return "rx.res";
        }
        return "vars and raw blocks";
    }

    private static String line(String s, int at) {
        if (at >= s.length()) {
            return "<end>";
        }
        int end = s.indexOf('\n', at);
        return show(s.substring(at, end < 0 ? s.length() : end));
    }

    private static String show(String s) {
        return s.replace("\r", "\\r").replace("\t", "\\t");
    }

    private Outcome keep(Case c, OracleTools.NixRelease release, Verdict v, String detail, String got, String expected)
            throws IOException {
        Path to = failures.resolve(release.setting()).resolve(c.name());
        Path from = c.root().getParent();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(to.resolve("expected.mcl"), expected == null ? "" : expected, StandardCharsets.UTF_8);
        Files.writeString(to.resolve("got.mcl"), got, StandardCharsets.UTF_8);
        Files.writeString(to.resolve("verdict.txt"), v + "\n" + detail + "\n", StandardCharsets.UTF_8);
        return new Outcome(c, v, detail);
    }
}
