package rxlsp.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import rxlsp.embed.NixVersion;
import rxlsp.testing.OracleTools;
import rxlsp.testing.ProjectPaths;
import rxlsp.testing.RxNixEvaluator;

/**
 * {@code rx.res} diagnostics against the module system, next to the render oracle: random
 * configurations with faults (wrong types, path literals, unknown kinds and fields, conflicting
 * definitions) and traps (wrong values under {@code mkIf false} or beaten by a stronger priority,
 * which the module system never checks) are evaluated with rx.nix's real option declarations under
 * nixpkgs' {@code lib.evalModules} by a current Nix. rx-lsp's {@code check} must report an error
 * exactly when Nix rejects the configuration, of the class Nix names, in a file Nix names.
 * {@code rx.oracle.diagnostics.count} configurations (default 150), seed {@code rx.oracle.seed}.
 */
class ResDiagnosticsOracleTest {

    @Test
    void rxResErrorsAreTheModuleSystemsVerdicts() throws Exception {
        int count = Integer.getInteger("rx.oracle.diagnostics.count", 150);
        long seed = Long.getLong("rx.oracle.seed", System.nanoTime() % 1_000_000_000L);
        Path nix = OracleTools.nixInstantiate(OracleTools.NixRelease.CURRENT);
        Path work = ProjectPaths.root().resolve("server/target/res-oracle");
        System.out.printf("rx.res diagnostics oracle: seed %d, %d configurations (rerun: -Drx.oracle.seed=%d)%n",
                seed, count, seed);
        long t0 = System.nanoTime();
        List<ConfigurationGenerator.Generated> generated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            generated.add(ConfigurationGenerator.generate(seed, i, ConfigurationGenerator.Mode.DIAGNOSTICS,
                    work.resolve("generated-" + seed).resolve(String.format("d%05d", i))));
        }
        List<RxNixEvaluator.Outcome> verdicts = new RxNixEvaluator(nix, work.resolve("tmp"), 16)
                .evaluate(generated.stream().map(ConfigurationGenerator.Generated::root).toList(), true);
        long t1 = System.nanoTime();
        List<RxLsp.Finding> findings = RxLsp.check(generated.stream().map(g -> g.root().getParent()).toList(),
                NixVersion.CURRENT);
        long t2 = System.nanoTime();
        Map<String, Integer> classes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        int agree = 0;
        int rejected = 0;
        for (int i = 0; i < count; i++) {
            ConfigurationGenerator.Generated g = generated.get(i);
            Path dir = g.root().getParent().toAbsolutePath().normalize();
            List<RxLsp.Finding> errors = Verdicts.evaluationErrors(findings, dir);
            RxNixEvaluator.Outcome v = verdicts.get(i);
            String disagreement = Verdicts.compare(v, errors, dir);
            rejected += v.ok() ? 0 : 1;
            if (disagreement == null) {
                agree++;
            } else {
                classes.merge(disagreement.lines().findFirst().orElse(""), 1, Integer::sum);
                problems.add(dir.getFileName() + " " + g.faults() + ": " + disagreement);
            }
        }
        System.out.printf("rx.res diagnostics oracle: %d configurations (%d rejected by Nix); rx-lsp agrees on %d;"
                        + " disagreements by class: %s (Nix %.1f s, rx-lsp %.1f s)%n", count, rejected, agree, classes,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertTrue(rejected > count / 5 && rejected < count * 4 / 5,
                "the generator no longer mixes accepted and rejected configurations: " + rejected + " of " + count);
        assertTrue(problems.isEmpty(), problems.size() + " disagreements (seed " + seed + "):\n"
                + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

}
