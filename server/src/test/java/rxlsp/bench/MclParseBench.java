package rxlsp.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.testing.ProjectPaths;

/**
 * MCL front-end throughput (run by {@code bench/mcl-parse.sh}, not a test): MB/s over the corpus'
 * example programs concatenated and repeated to at least 5 MB, the time to parse the whole mgmt corpus
 * once warm, and the time to reparse a 5,000-line file, as an editor does after each change, with
 * their ratios to the targets (whole corpus under 1 s, 5,000 lines under 20 ms).
 *
 * <p>The 5,000-line file comes in three states: valid (whole example programs), cut off in the middle
 * of a program (its end is a syntax error, as while typing at the end of a file), and valid with one
 * broken line in the middle (as while typing in the middle). The variants run interleaved, round by
 * round, so that load from other processes hits them alike; medians and 90th percentiles of wall and
 * thread CPU time are printed. Arguments: {@code [rounds]} (default 60).
 */
public final class MclParseBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double TARGET_5000_MS = 20;
    private static final double TARGET_CORPUS_MS = 1_000;

    private MclParseBench() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path corpus = ProjectPaths.corpus().resolve("mgmt");
        List<String> programs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus.resolve("examples"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".mcl")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (MclFrontEnd.parse(text, Dialect.MGMT_1_1).diagnostics().isEmpty()) {
                    programs.add(text.endsWith("\n") ? text : text + "\n");
                }
            }
        }
        List<String> all = corpusFiles(corpus);
        String valid = wholePrograms(programs, 5_000);
        String cut = cutAt(programs, 5_000);
        String middle = brokenInTheMiddle(valid);
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, load average %.2f; %d rounds%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                rounds);

        StringBuilder big = new StringBuilder();
        while (big.length() < 5_000_000) {
            programs.forEach(big::append);
        }
        String text = big.toString();
        double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
        for (int i = 0; i < 3; i++) {
            MclFrontEnd.parse(text, Dialect.MGMT_1_1); // warm-up
        }
        Timings throughput = new Timings(5);
        for (int i = 0; i < 5; i++) {
            throughput.time(() -> MclFrontEnd.parse(text, Dialect.MGMT_1_1));
        }
        System.out.printf(Locale.ROOT, "throughput: %.1f MB (%d programs repeated): median %.0f ms wall = %.2f MB/s, %.0f ms CPU = %.2f MB/s%n",
                mb, programs.size(), throughput.wall(50), mb / throughput.wall(50) * 1e3, throughput.cpu(50),
                mb / throughput.cpu(50) * 1e3);

        Runnable wholeCorpus = () -> all.forEach(t -> MclFrontEnd.parse(t, Dialect.MGMT_1_1));
        List<String> states = List.of(valid, cut, middle);
        for (int i = 0; i < 20; i++) { // warm-up
            states.forEach(s -> MclFrontEnd.parse(s, Dialect.MGMT_1_1));
            wholeCorpus.run();
        }
        Timings corpusTimes = new Timings(rounds / 6 + 1);
        List<Timings> fileTimes = List.of(new Timings(rounds), new Timings(rounds), new Timings(rounds));
        for (int round = 0; round < rounds; round++) {
            for (int s = 0; s < states.size(); s++) {
                String state = states.get(s);
                fileTimes.get(s).time(() -> MclFrontEnd.parse(state, Dialect.MGMT_1_1));
            }
            if (round % 6 == 0) {
                corpusTimes.time(wholeCorpus);
            }
        }
        long withDiagnostics = all.stream().filter(t -> !MclFrontEnd.parse(t, Dialect.MGMT_1_1).diagnostics().isEmpty()).count();
        System.out.printf(Locale.ROOT, "whole mgmt corpus, warm: %d MCL files (.mcl files and .mcl sections of .txtar tests, %d with diagnostics):"
                + " median %.1f ms wall (%.1f ms CPU): %.3f× the 1 s target (CPU %.3f×)%n", all.size(), withDiagnostics,
                corpusTimes.wall(50), corpusTimes.cpu(50), corpusTimes.wall(50) / TARGET_CORPUS_MS,
                corpusTimes.cpu(50) / TARGET_CORPUS_MS);
        List<String> names = List.of("valid", "cut off mid-program (error at the end)", "one broken line in the middle");
        for (int s = 0; s < states.size(); s++) {
            Timings t = fileTimes.get(s);
            System.out.printf(Locale.ROOT, "5,000-line file (%d KB), %s: median %.1f ms wall, p90 %.1f ms; CPU median %.1f ms,"
                    + " p90 %.1f ms; %.2f× the 20 ms target (CPU %.2f×)%n", states.get(s).length() / 1024, names.get(s),
                    t.wall(50), t.wall(90), t.cpu(50), t.cpu(90), t.wall(50) / TARGET_5000_MS, t.cpu(50) / TARGET_5000_MS);
        }
    }

    /** Wall and thread CPU times of repeated runs, in milliseconds. */
    private static final class Timings {
        private final double[] wall;
        private final double[] cpu;
        private int n;

        Timings(int capacity) {
            wall = new double[capacity];
            cpu = new double[capacity];
        }

        void time(Runnable run) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            run.run();
            wall[n] = (System.nanoTime() - t0) / 1e6;
            cpu[n++] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        }

        double wall(int percentile) {
            return percentile(wall, percentile);
        }

        double cpu(int percentile) {
            return percentile(cpu, percentile);
        }

        private double percentile(double[] values, int percentile) {
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return sorted[Math.min(n - 1, n * percentile / 100)];
        }
    }

    /** Whole programs, repeated until the text has at least {@code lines} lines. */
    private static String wholePrograms(List<String> programs, int lines) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (int i = 0; n < lines; i++) {
            String program = programs.get(i % programs.size());
            out.append(program);
            n += (int) program.chars().filter(c -> c == '\n').count();
        }
        return out.toString();
    }

    /** Exactly {@code lines} lines of the programs, repeated: the last program is usually cut off. */
    private static String cutAt(List<String> programs, int lines) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (int i = 0; n < lines; i++) {
            for (String line : programs.get(i % programs.size()).split("\n", -1)) {
                if (n == lines) {
                    break;
                }
                out.append(line).append('\n');
                n++;
            }
        }
        return out.toString();
    }

    /** The text with a half-typed bind ({@code $typing = [1, }) inserted before its middle line. */
    private static String brokenInTheMiddle(String text) {
        int middle = text.indexOf('\n', text.length() / 2) + 1;
        return text.substring(0, middle) + "$typing = [1, \n" + text.substring(middle);
    }

    private static List<String> corpusFiles(Path corpus) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".mcl") || f.toString().endsWith(".txtar")).sorted().toList()) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                if (p.toString().endsWith(".mcl")) {
                    all.add(content);
                } else {
                    all.addAll(mclSections(content));
                }
            }
        }
        return all;
    }

    /** The {@code *.mcl} files inside a txtar archive ({@code -- name --} lines start each file). */
    private static List<String> mclSections(String archive) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : archive.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --")) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = line.substring(3, line.length() - 3).trim().endsWith(".mcl") ? new StringBuilder() : null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }
}
