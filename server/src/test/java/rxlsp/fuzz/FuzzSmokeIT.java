package rxlsp.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rxlsp.testing.ProjectPaths;

/**
 * A short fuzzing run of every target in CI (about ten seconds each, a minute in all): Jazzer's
 * libFuzzer driver, coverage-guided, seeded with the shared corpus and the fixtures, in a process of
 * its own. A finding fails the test, names the input file it wrote (to make it a regression
 * fixture, see bench/fuzz.sh) and shows the exception. The executions per target are printed.
 * Longer runs: bench/fuzz.sh.
 */
class FuzzSmokeIT {
    private static final int SECONDS = Integer.getInteger("rx.fuzzSeconds", 5);
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");

    private record Target(String name, String className, List<String> seeds) {
    }

    private static List<Target> targets() {
        Path corpus = ProjectPaths.shared().resolve("corpus");
        Path fixtures = ProjectPaths.fixtures();
        Path resources = ProjectPaths.root().resolve("server/src/test/resources");
        return List.of(
                new Target("mcl", "rxlsp.mcl.MclFrontEndFuzzTest", List.of(corpus + "/mgmt/examples", corpus + "/mgmt-1.0/examples", fixtures + "/mcl")),
                new Target("nix", "rxlsp.nix.NixParseFuzzTest", List.of(fixtures + "/nix", fixtures + "/rx", corpus + "/nix")),
                new Target("strings", "rxlsp.nix.NixStringFuzzTest", List.of(fixtures + "/nix", fixtures + "/rx")),
                new Target("analysis", "rxlsp.analysis.DocumentAnalysisFuzzTest", List.of(fixtures + "/rx", fixtures + "/mcl")),
                new Target("lsp", "rxlsp.lsp.LspMessageFuzzTest", List.of(resources + "/rxlsp/lsp/LspMessageFuzzTestInputs")));
    }

    @TestFactory
    Stream<DynamicTest> everyTargetRunsShortlyWithoutAFinding() {
        return targets().stream().map(t -> DynamicTest.dynamicTest(t.name(), () -> run(t)));
    }

    private static void run(Target t) throws IOException, InterruptedException {
        Path work = ProjectPaths.root().resolve("server/target/fuzz-smoke").resolve(t.name());
        Files.createDirectories(work.resolve("corpus"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xss8m", "-XX:+EnableDynamicAgentLoading",
                "-cp", System.getProperty("java.class.path"), "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + t.className(), "--instrumentation_includes=rxlsp.**",
                "-max_total_time=" + SECONDS, "-max_len=65536", "-rss_limit_mb=4096", "-timeout=30",
                "-artifact_prefix=" + work + "/", work.resolve("corpus").toString()));
        for (String seed : t.seeds()) {
            if (Files.isDirectory(Path.of(seed))) {
                command.add(seed);
            } else if (ProjectPaths.allTiersRequired()) {
                fail(t.name() + ": its seed folder " + seed + " is missing (rx.requireAllTiers is set, so no seed may be left out)");
            } else {
                System.err.println("SKIPPED: seed folder " + seed + " is missing; " + t.name() + " is fuzzed from its other seeds");
            }
        }
        Path log = work.resolve("run.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(SECONDS + 120L, TimeUnit.SECONDS), t.name() + ": the fuzzer did not end; see " + log);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Matcher done = DONE.matcher(output);
        long runs = -1;
        while (done.find()) {
            runs = Long.parseLong(done.group(1));
        }
        System.out.printf(Locale.ROOT, "fuzz %-8s %9d executions in about %d s (%s)%n", t.name(), runs, SECONDS, t.className());
        String finding = output.lines().filter(l -> l.startsWith("== Java Exception") || l.contains("Test unit written to")
                || l.startsWith("==") && l.contains("ERROR")).reduce("", (a, b) -> a + b + "\n");
        assertEquals(0, p.exitValue(), t.name() + ": a finding (copy the input into the target's regression inputs, see"
                + " bench/fuzz.sh):\n" + finding + "log: " + log);
        assertTrue(runs > 0, t.name() + ": no executions reported; log " + log);
    }
}
