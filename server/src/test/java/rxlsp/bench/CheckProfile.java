package rxlsp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rxlsp.embed.ModuleScanner;
import rxlsp.analysis.Diagnostics;
import rxlsp.analysis.FileChecker;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.nix.RawParse;
import rxlsp.text.LineIndex;
import rxlsp.text.SourceText;
import rxlsp.workspace.FileKind;

/**
 * Benchmark (not a test): where {@code rx-lsp check} spends its CPU time, phase by phase, on one
 * thread. Run by {@code bench/check-profile.sh}.
 *
 * <pre>
 * CheckProfile LIST-FILE... [--rounds N]
 * </pre>
 *
 * Each round times, over all files: UTF-8 decoding; tree-sitter parsing alone (rx-lsp's own downcalls and
 * input, UTF-16, the tree deleted at once); {@code NixParser.parse} (that parse plus the copy into rx-lsp's tree);
 * {@code Diagnostics.ofNix}; {@code LineIndex.of}; the whole {@code FileChecker.check} the CLI
 * runs per file (with the rx.nix scan); and that scan alone ({@code ModuleScanner.scan}). Times are the thread's CPU time, so other load on the machine matters little.
 * Round 1 includes JIT warm-up, as a single {@code rx-lsp check} run does.
 */
public final class CheckProfile {
    private CheckProfile() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds")) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                for (String line : Files.readAllLines(Path.of(args[i]))) {
                    if (!line.isBlank()) {
                        files.add(Path.of(line.strip()));
                    }
                }
            }
        }
        List<byte[]> bytes = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            bytes.add(b);
            total += b.length;
        }
        double mb = total / 1e6;
        System.out.printf(Locale.ROOT, "%d files, %.2f MB; JVM options %s%n", files.size(), mb,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        long t0 = cpu.getCurrentThreadCpuTime();
        RawParse tsParser = new RawParse();
        NixParser nixParser = new NixParser();
        FileChecker checker = new FileChecker();
        System.out.printf(Locale.ROOT, "loading tree-sitter and the Nix grammar (once per process): %.0f ms CPU%n",
                (cpu.getCurrentThreadCpuTime() - t0) / 1e6);
        System.out.printf(Locale.ROOT, "%-6s %9s %11s %13s %9s %9s %13s %13s %9s%n", "round", "decode", "ts-parse",
                "parse+copy", "(copy)", "checks", "line index", "FileChecker", "rx scan");
        for (int r = 1; r <= rounds; r++) {
            long a = cpu.getCurrentThreadCpuTime();
            List<String> texts = new ArrayList<>(bytes.size());
            for (byte[] b : bytes) {
                texts.add(SourceText.decode(b).text());
            }
            long b = cpu.getCurrentThreadCpuTime();
            for (String text : texts) {
                tsParser.parseAndDelete(text);
            }
            long c = cpu.getCurrentThreadCpuTime();
            List<NixSyntaxTree> trees = new ArrayList<>(texts.size());
            for (String text : texts) {
                trees.add(nixParser.parse(text));
            }
            long d = cpu.getCurrentThreadCpuTime();
            int diagnostics = 0;
            for (NixSyntaxTree tree : trees) {
                diagnostics += Diagnostics.ofNix(tree).size();
            }
            long e = cpu.getCurrentThreadCpuTime();
            for (String text : texts) {
                LineIndex.of(text);
            }
            long f = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < bytes.size(); i++) {
                checker.check(files.get(i).toString(), files.get(i).toAbsolutePath(), FileKind.NIX, bytes.get(i));
            }
            long g = cpu.getCurrentThreadCpuTime();
            int sites = 0;
            for (int i = 0; i < trees.size(); i++) {
                NixSyntaxTree tree = trees.get(i);
                sites += ModuleScanner.scan(files.get(i).toAbsolutePath(), tree.text(), tree.root()).sites().size();
            }
            long h = cpu.getCurrentThreadCpuTime();
            trees.clear();
            System.out.printf(Locale.ROOT, "%-6d %6.0f ms %8.0f ms %10.0f ms %6.0f ms %6.0f ms %10.0f ms %10.0f ms %6.0f ms   (%d diagnostics, %d rx sites)%n",
                    r, ms(b - a), ms(c - b), ms(d - c), ms((d - c) - (c - b)), ms(e - d), ms(f - e), ms(g - f), ms(h - g),
                    diagnostics, sites);
            if (r == rounds) {
                System.out.printf(Locale.ROOT, "last round, MB/s on one thread: ts-parse %.1f, parse+copy %.1f, FileChecker %.1f%n",
                        mb / ((c - b) / 1e9), mb / ((d - c) / 1e9), mb / ((g - f) / 1e9));
            }
        }
        System.exit(0);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
