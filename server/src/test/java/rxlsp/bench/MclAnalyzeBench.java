package rxlsp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclIncrementalParser;
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
 * one-character edits, the way the language server does it and with a full parse each time (p50 / p99).
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
        Catalog catalog = Catalog.builtIn(Dialect.MGMT_1_1);
        Object[] check = new Job("5k", program, Dialect.MGMT_1_1, ImportResolver.none()).run();
        int diagnostics = check[1] == null ? -1 : ((MclCheckResult) check[1]).diagnostics().size();
        List<String> versions = typing(program, 4_000);
        // an editor session is warm after its first minute: let the JIT finish before timing
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        System.out.printf("5,000-line program (%d KB, %d diagnostics), re-analysed after each of %d one-character edits "
                + "at random places (%d runs after %d warm-up edits):%n", program.length() / 1024, diagnostics, runs, runs,
                warmup);
        Timings editor = timed(versions, warmup, runs, catalog, new MclIncrementalParser()::parse);
        editor.print("  as the language server does it (statements the edit touches reparsed)");
        Timings full = timed(versions, warmup, runs, catalog, MclFrontEnd::parse);
        full.print("  with a full parse every time (a file's first analysis, and rx-lsp check)");
    }

    /** Successive versions of the program as typing makes them: a character put into a string, then taken out again. */
    private static List<String> typing(String program, int count) {
        java.util.Random random = new java.util.Random(5000);
        List<String> versions = new ArrayList<>();
        String text = program;
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                int block = random.nextInt(200);
                String name = "\"host-" + block + "\"";
                int at = text.indexOf(name) + name.length() - 1;
                text = text.substring(0, at) + "x" + text.substring(at);
            } else {
                text = program;
            }
            versions.add(text);
        }
        return versions;
    }

    private interface Parser {
        MclParseResult parse(String text, Dialect dialect);
    }

    private record Timings(long[] wall, long[] semantic, long[] cpu) {
        void print(String what) {
            int n = wall.length;
            System.out.printf("%s: p50 %.1f ms, p99 %.1f ms wall; CPU time of the analysing thread p50 %.1f ms, p99 %.1f ms; "
                            + "the semantic stages alone p50 %.1f ms, p99 %.1f ms%n", what, wall[n / 2] / 1e6,
                    wall[n * 99 / 100] / 1e6, cpu[n / 2] / 1e6, cpu[n * 99 / 100] / 1e6, semantic[n / 2] / 1e6,
                    semantic[n * 99 / 100] / 1e6);
        }
    }

    private static Timings timed(List<String> versions, int warmup, int runs, Catalog catalog, Parser parser) {
        for (int i = 0; i < warmup; i++) {
            MclParseResult parsed = parser.parse(versions.get(i % versions.size()), Dialect.MGMT_1_1);
            MclChecker.check(parsed.program(), catalog, ImportResolver.none(), Dialect.MGMT_1_1);
        }
        long[] times = new long[runs];
        long[] checks = new long[runs];
        long[] cpu = new long[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            String text = versions.get((warmup + i) % versions.size());
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MclParseResult parsed = parser.parse(text, Dialect.MGMT_1_1);
            long t1 = System.nanoTime();
            MclChecker.check(parsed.program(), catalog, ImportResolver.none(), Dialect.MGMT_1_1);
            times[i] = System.nanoTime() - t0;
            checks[i] = System.nanoTime() - t1;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            if (parsed.hasErrors()) {
                throw new AssertionError("an edit broke the program: " + parsed.diagnostics().getFirst());
            }
        }
        Arrays.sort(times);
        Arrays.sort(checks);
        Arrays.sort(cpu);
        return new Timings(times, checks, cpu);
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
