package rxlsp.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rxlsp.testing.OracleTools;
import rxlsp.testing.ProjectPaths;

/**
 * The render oracle's long run ({@code bench/render-oracle.sh COUNT [SEED] [2.8|current]}): many
 * thousands of generated configurations in batches, the agreement figures printed per batch and in
 * total; disagreements kept under {@code bench/out/render-oracle/failures}. Exit status 1 when any.
 * With {@code --cases DIR [2.8|current]}: the configurations in the folders of DIR instead.
 */
public final class RenderOracleRun {
    private static final int BATCH = 1_000;

    private RenderOracleRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--cases")) {
            System.exit(runCases(Path.of(args[1]), args.length > 2 ? args[2] : null));
        }
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime() % 1_000_000_000L;
        List<OracleTools.NixRelease> releases = args.length > 2
                ? List.of(args[2].equals("2.8") ? OracleTools.NixRelease.NIX_2_8 : OracleTools.NixRelease.CURRENT)
                : List.of(OracleTools.NixRelease.values());
        Path out = ProjectPaths.root().resolve("bench/out/render-oracle");
        System.out.printf("render oracle long run: seed %d, %d configurations, Nix %s%n", seed, count,
                releases.stream().map(OracleTools.NixRelease::setting).toList());
        int disagreements = 0;
        for (OracleTools.NixRelease release : releases) {
            long[] totals = new long[RenderOracle.Verdict.values().length];
            java.util.Map<String, Long> classes = new java.util.TreeMap<>();
            double nix = 0;
            double go = 0;
            double rx = 0;
            for (int from = 0; from < count; from += BATCH) {
                int n = Math.min(BATCH, count - from);
                Path dir = out.resolve("generated");
                deleteTree(dir);
                List<RenderOracle.Case> cases = new ArrayList<>();
                for (int i = from; i < from + n; i++) {
                    String name = String.format("c%06d", i);
                    cases.add(new RenderOracle.Case(name, ConfigurationGenerator.generate(seed, i,
                            ConfigurationGenerator.Mode.RENDER, dir.resolve(name)).root()));
                }
                RenderOracle.Report r = new RenderOracle(out.resolve("tmp"), out.resolve("failures")).run(cases, release, true);
                System.out.println("  " + (from + n) + ": " + r.summary());
                System.out.println("    rejected by Nix: " + r.rejections());
                r.outcomes().stream().filter(o -> o.verdict() == RenderOracle.Verdict.BOTH_REJECT
                                && ModuleSystemErrors.parse(o.detail()).map(e -> e.kind() != ModuleSystemErrors.Kind.CONFLICT)
                                .orElse(true)).limit(3)
                        .forEach(o -> System.out.println("    " + o.c().name() + ": rejected: " + o.detail().replace("\n", " | ")));
                for (RenderOracle.Verdict v : RenderOracle.Verdict.values()) {
                    totals[v.ordinal()] += r.count(v);
                }
                r.differenceClasses().forEach((k, v) -> classes.merge(k, v, Long::sum));
                r.disagreements().stream().limit(5).forEach(o -> System.out.println("    " + o.c().name() + ": "
                        + o.verdict() + " " + o.detail().replace("\n", " | ")));
                nix += r.nixSeconds();
                go += r.goSeconds();
                rx += r.rxLspSeconds();
            }
            StringBuilder b = new StringBuilder("TOTAL Nix " + release.setting() + ": " + count + " configurations;");
            for (RenderOracle.Verdict v : RenderOracle.Verdict.values()) {
                b.append(' ').append(v).append(' ').append(totals[v.ordinal()]);
            }
            System.out.println(b + String.format(" (Nix %.1f s, Go %.1f s, rx-lsp %.1f s); classes of difference: %s",
                    nix, go, rx, classes));
            disagreements += (int) (totals[RenderOracle.Verdict.DIFFERENT.ordinal()]
                    + totals[RenderOracle.Verdict.REJECTION_DIFFERS.ordinal()] + totals[RenderOracle.Verdict.RENDERER_FAILS.ordinal()]);
        }
        System.exit(disagreements == 0 ? 0 : 1);
    }

    /**
     * Hand-written configurations: each folder of {@code dir} with a {@code configuration.nix} is one,
     * rooted there; every outcome is printed, with rx.nix's rendering where rx-lsp's differs.
     */
    private static int runCases(Path dir, String version) throws Exception {
        List<RenderOracle.Case> cases = new ArrayList<>();
        try (var folders = java.nio.file.Files.list(dir)) {
            for (Path f : folders.sorted().toList()) {
                if (java.nio.file.Files.isRegularFile(f.resolve("configuration.nix"))) {
                    cases.add(new RenderOracle.Case(f.getFileName().toString(), f.resolve("configuration.nix")));
                }
            }
        }
        Path out = ProjectPaths.root().resolve("bench/out/render-oracle");
        int disagreements = 0;
        for (OracleTools.NixRelease release : version == null ? List.of(OracleTools.NixRelease.values())
                : List.of(version.equals("2.8") ? OracleTools.NixRelease.NIX_2_8 : OracleTools.NixRelease.CURRENT)) {
            RenderOracle.Report r = new RenderOracle(out.resolve("tmp"), out.resolve("failures")).run(cases, release, true);
            System.out.println("Nix " + release.setting() + ": " + r.summary());
            for (RenderOracle.Outcome o : r.outcomes()) {
                System.out.println("  " + o.c().name() + ": " + o.verdict() + (o.detail() == null || o.detail().isEmpty()
                        ? "" : " " + o.detail().replace("\n", " | ")));
            }
            disagreements += r.disagreements().size();
        }
        return disagreements == 0 ? 0 : 1;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
