package rxlsp.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.OracleTools;
import rxlsp.testing.ProjectPaths;

/**
 * The render oracle tier (see {@link RenderOracle}): every rx.nix fixture Nix can evaluate and
 * {@code rx.oracle.count} generated configurations (default 200; seed {@code rx.oracle.seed}, else a
 * new one, printed) under Debian's Nix 2.8 and a current Nix, each against rx-lsp's rendering for that
 * Nix version. Disagreements are kept under {@code server/target/render-oracle/}.
 */
class RenderOracleTest {
    /** Below this share of generated configurations evaluating, the generator has lost its way. */
    private static final double MIN_ACCEPTED = 0.7;

    @Test
    void renderingEqualsRxNixsOwnRenderer() throws Exception {
        int count = Integer.getInteger("rx.oracle.count", 200);
        long seed = Long.getLong("rx.oracle.seed", System.nanoTime() % 1_000_000_000L);
        Path work = ProjectPaths.root().resolve("server/target/render-oracle");
        Path failures = work.resolve("failures");
        System.out.printf("render oracle: seed %d, %d generated configurations (rerun: -Drx.oracle.seed=%d"
                + " -Drx.oracle.count=%d)%n", seed, count, seed, count);
        List<String> problems = new ArrayList<>();
        for (OracleTools.NixRelease release : OracleTools.NixRelease.values()) {
            OracleTools.nixInstantiate(release); // skips (fails in CI) before any work when missing
        }
        List<RenderOracle.Case> fixtures = fixtures();
        List<RenderOracle.Case> generated = generate(seed, count, work.resolve("generated-" + seed));
        java.util.Map<OracleTools.NixRelease, RenderOracle.Report> runs = new java.util.EnumMap<>(OracleTools.NixRelease.class);
        for (OracleTools.NixRelease release : OracleTools.NixRelease.values()) {
            RenderOracle oracle = new RenderOracle(work.resolve("tmp"), failures);
            RenderOracle.Report fixtureRun = oracle.run(fixtures, release, true);
            List<String> unevaluable = fixtureRun.outcomes().stream()
                    .filter(o -> o.verdict() == RenderOracle.Verdict.REJECTION_DIFFERS && !ModuleSystemErrors.isModuleSystemError(o.detail()))
                    .map(o -> o.c().name() + " (" + o.detail().lines().findFirst().orElse("") + ")").toList();
            System.out.println("fixtures, Nix " + release.setting() + ": " + fixtureRun.summary()
                    + "; not evaluable outside a NixOS host: " + unevaluable);
            System.out.println("  " + fixtureRun.outcomes().stream().map(o -> o.c().name() + " " + o.verdict()).toList());
            fixtureRun.disagreements().stream()
                    .filter(o -> !(o.verdict() == RenderOracle.Verdict.REJECTION_DIFFERS && !ModuleSystemErrors.isModuleSystemError(o.detail())))
                    .forEach(o -> problems.add("fixture " + o.c().name() + ", Nix " + release.setting() + ": "
                            + o.verdict() + "\n" + o.detail()));
            RenderOracle.Report run = oracle.run(generated, release, false);
            runs.put(release, run);
            System.out.println(run.summary());
            System.out.println("  classes of difference: " + run.differenceClasses());
            run.disagreements().forEach(o -> problems.add(o.c().name() + ", Nix " + release.setting() + ": "
                    + o.verdict() + "\n" + o.detail()));
            long accepted = run.outcomes().size() - run.count(RenderOracle.Verdict.BOTH_REJECT)
                    - run.count(RenderOracle.Verdict.REJECTION_DIFFERS);
            assertTrue(accepted >= MIN_ACCEPTED * count, "only " + accepted + " of " + count
                    + " generated configurations evaluate: the generator no longer makes valid ones");
        }
        // the nixVersion setting matters: where the two Nix versions make rx.nix render differently
        // (their floats), rx-lsp followed each with its setting
        long differ = 0;
        for (int i = 0; i < generated.size(); i++) {
            String old = runs.get(OracleTools.NixRelease.NIX_2_8).outcomes().get(i).expected();
            String current = runs.get(OracleTools.NixRelease.CURRENT).outcomes().get(i).expected();
            differ += old != null && current != null && !old.equals(current) ? 1 : 0;
        }
        System.out.println("  " + differ + " configurations render differently under Nix 2.8 and the current Nix; rx-lsp "
                + "matched each with --nix-version 2.8 and current");
        assertTrue(count < 100 || differ > 0, "no configuration tells the Nix versions apart: the float cases are gone");
        assertTrue(problems.isEmpty(), problems.size() + " disagreements (seed " + seed + "; kept under " + failures
                + "):\n" + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

    static List<RenderOracle.Case> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(ProjectPaths.fixtures().resolve("rx"))) {
            return dirs.filter(d -> Files.exists(d.resolve("configuration.nix"))).sorted()
                    .map(d -> new RenderOracle.Case("fixture-" + d.getFileName(), d.resolve("configuration.nix"))).toList();
        }
    }

    static List<RenderOracle.Case> generate(long seed, int count, Path dir) throws IOException {
        List<RenderOracle.Case> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("c%05d", i);
            ConfigurationGenerator.Generated g = ConfigurationGenerator.generate(seed, i,
                    ConfigurationGenerator.Mode.RENDER, dir.resolve(name));
            out.add(new RenderOracle.Case(name, g.root()));
        }
        return out;
    }
}
