package rxlsp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.MgmtCorpus;
import rxlsp.mcl.TxtarImports;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.FileImports;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import rxlsp.testing.ProjectPaths;

/**
 * Full MCL analysis (parse, init, resource, scope and type stages) as {@code bench/mcl-analyze.sh}
 * runs it, not a test: the whole corpus (interpreter cases and examples, both dialects) once warm and the
 * heap its results hold when kept all at once, then a 5,000-line program re-analysed after each of many
 * one-character edits, as the language server does (p50 / p99).
 */
public final class MclAnalyzeBench {
    private MclAnalyzeBench() {
    }

    private record Job(String name, String text, Dialect dialect, ImportResolver imports) {
        Object[] run() {
            MclParseResult parsed = MclFrontEnd.parse(text, dialect);
            MclCheckResult checked = parsed.hasErrors() ? null
                    : MclChecker.check(parsed.program(), Catalog.builtIn(dialect), imports, dialect);
            return new Object[] {parsed, checked};
        }
    }

    public static void main(String[] args) {
        List<Job> jobs = new ArrayList<>();
        for (var dir : Map.of("mgmt", Dialect.MGMT_1_1, "mgmt-1.0", Dialect.MGMT_1_0).entrySet()) {
            Path root = ProjectPaths.corpus().resolve(dir.getKey());
            for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
                Map<String, String> sections = MgmtCorpus.txtar(txtar);
                if (sections.containsKey("main.mcl")) {
                    jobs.add(new Job(txtar.toString(), sections.get("main.mcl"), dir.getValue(), new TxtarImports(sections)));
                }
            }
            for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
                jobs.add(new Job(mcl.toString(), MgmtCorpus.read(mcl), dir.getValue(), new FileImports(mcl)));
            }
        }
        for (int i = 0; i < 5; i++) {
            jobs.forEach(Job::run); // warm-up
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            jobs.forEach(Job::run);
            best = Math.min(best, System.nanoTime() - t0);
        }
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        List<Object[]> kept = new ArrayList<>();
        jobs.forEach(j -> kept.add(j.run()));
        long after = usedAfterGc(rt);
        System.out.printf("whole corpus, warm: %d programs (both dialects) fully analysed in %.0f ms (best of 5); "
                + "all results held at once: %.1f MB%n", jobs.size(), best / 1e6, (after - before) / 1e6);
        if (kept.isEmpty()) {
            throw new AssertionError();
        }

        String program = FiveThousandLines.program();
        String edited = program.replace("\"host-120\"", "\"host-12O\"");
        Catalog catalog = Catalog.builtIn(Dialect.MGMT_1_1);
        Job original = new Job("5k", program, Dialect.MGMT_1_1, ImportResolver.none());
        Object[] check = original.run();
        int diagnostics = check[1] == null ? -1 : ((MclCheckResult) check[1]).diagnostics().size();
        // an editor session is warm after its first minute: let the JIT finish before timing
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        for (int i = 0; i < warmup; i++) {
            new Job("5k", i % 2 == 0 ? edited : program, Dialect.MGMT_1_1, ImportResolver.none()).run();
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        long[] times = new long[runs];
        long[] checks = new long[runs];
        long[] cpu = new long[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            String text = i % 2 == 0 ? edited : program;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MclParseResult parsed = MclFrontEnd.parse(text, Dialect.MGMT_1_1);
            long t1 = System.nanoTime();
            MclChecker.check(parsed.program(), catalog, ImportResolver.none(), Dialect.MGMT_1_1);
            times[i] = System.nanoTime() - t0;
            checks[i] = System.nanoTime() - t1;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(times);
        Arrays.sort(checks);
        Arrays.sort(cpu);
        System.out.printf("5,000-line program (%d KB, %d diagnostics) re-analysed after an edit: p50 %.1f ms, p99 %.1f ms "
                        + "(of which the semantic stages alone: p50 %.1f ms, p99 %.1f ms; %d runs)%n",
                program.length() / 1024, diagnostics, times[runs / 2] / 1e6, times[runs * 99 / 100] / 1e6,
                checks[runs / 2] / 1e6, checks[runs * 99 / 100] / 1e6, runs);
        // on a shared machine wall time includes waiting for a CPU; the analysing thread's own CPU time does not
        System.out.printf("  same, CPU time of the analysing thread: p50 %.1f ms, p99 %.1f ms%n", cpu[runs / 2] / 1e6,
                cpu[runs * 99 / 100] / 1e6);
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
