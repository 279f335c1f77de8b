package rxlsp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Benchmark (not a test): big inputs through the real server process ({@code bin/rx-lsp} over
 * stdin/stdout, as an editor runs it), and big names through {@code rx-lsp check}. Run by
 * {@code bench/big-inputs.sh}, which generates the inputs.
 *
 * <pre>
 * BigInputs open FILE [--edits N] [--warmup N] [--root DIR] --server-cmd CMD...   (BENCH_JFR=FILE: record the edits)
 *     didOpen FILE: wall and server CPU time to its first diagnostics, the live heap (a full
 *     collection by jcmd GC.class_histogram) and the RSS; then N one-character edits, each timed
 *     to its diagnostics (p50/p99/max); then heap and RSS again
 * BigInputs check FILE... --server-cmd CMD...
 *     rx-lsp check on each file: wall time and peak RSS
 * </pre>
 */
public final class BigInputs {
    private BigInputs() {
    }

    public static void main(String[] args) throws Exception {
        int split = Arrays.asList(args).indexOf("--server-cmd");
        List<String> cmd = List.of(Arrays.copyOfRange(args, split + 1, args.length));
        List<String> rest = List.of(Arrays.copyOfRange(args, 1, split));
        try {
            switch (args[0]) {
                case "open" -> open(rest, cmd);
                case "check" -> check(rest, cmd);
                default -> throw new IllegalArgumentException("open or check");
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the same thread would keep a failed run from ending
        }
        System.exit(0); // lsp4j's client launcher leaves a non-daemon reader thread behind
    }

    // ---- open: one big document in the editor ------------------------------------------------

    private static void open(List<String> args, List<String> cmd) throws Exception {
        Path file = Path.of(args.getFirst()).toAbsolutePath();
        int edits = 200;
        int warmup = 30;
        Path root = null;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--edits" -> edits = Integer.parseInt(args.get(++i));
                case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                case "--root" -> root = Path.of(args.get(++i)).toAbsolutePath();
                default -> throw new IllegalArgumentException(args.get(i));
            }
        }
        String text = Files.readString(file);
        String language = file.toString().endsWith(".mcl") ? "mcl" : "nix";
        System.out.printf(Locale.ROOT, "%n%s: %.1f MB, %d lines (%s)%n", file.getFileName(), text.length() / 1e6,
                text.chars().filter(c -> c == '\n').count(), language);
        Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long pid = process.pid();
        ReparseLatency.Client client = new ReparseLatency.Client();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        if (root != null) {
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
        }
        server.initialize(init).get(60, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        Memory before = Memory.of(pid, false);
        String uri = file.toUri().toString();
        long cpu0 = cpuMillis(pid);
        long t0 = System.nanoTime();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, language, 1, text)));
        ReparseLatency.Client.Published first = client.await(1);
        long wall = first.nanos() - t0;
        long cpu = cpuMillis(pid) - cpu0;
        Memory opened = Memory.of(pid, true);
        System.out.printf(Locale.ROOT, "  RESULT first diagnostics %.2f s wall, %.2f s server CPU (%d diagnostics) (target <= 3 s)%n",
                wall / 1e9, cpu / 1e3, first.count());
        System.out.printf(Locale.ROOT, "  RESULT after open: live heap %.0f MB (target <= 150 MB), RSS %.0f MB, peak RSS %.0f MB"
                + " (target <= 600 MB); before open: RSS %.0f MB%n", opened.liveMb(), opened.rssMb(), opened.peakMb(), before.rssMb());

        String jfr = System.getenv("BENCH_JFR"); // a flight recording of the server during the edits, for analysis
        if (jfr != null) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                    "JFR.start", "settings=profile", "filename=" + jfr).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        ReparseLatency.Document doc = new ReparseLatency.Document(text);
        List<ReparseLatency.Edit> script = ReparseLatency.script(text, warmup + edits, 5);
        long[] times = new long[edits];
        long[] cpus = new long[edits];
        int version = 1;
        for (int i = 0; i < script.size(); i++) {
            ReparseLatency.Edit e = script.get(i);
            Range range = e.insert() ? new Range(doc.position(e.offset()), doc.position(e.offset()))
                    : new Range(doc.position(e.offset()), doc.position(e.offset() + 1));
            version++;
            long c = cpuMillis(pid);
            long s = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                    List.of(new TextDocumentContentChangeEvent(range, e.insert() ? String.valueOf(e.ch()) : ""))));
            ReparseLatency.Client.Published p = client.await(version);
            if (i >= warmup) {
                times[i - warmup] = p.nanos() - s;
                cpus[i - warmup] = cpuMillis(pid) - c;
            }
            doc.apply(e);
        }
        Arrays.sort(times);
        Arrays.sort(cpus);
        if (jfr != null) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid),
                    "JFR.dump", "filename=" + jfr).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
        Memory edited = Memory.of(pid, true);
        System.out.printf(Locale.ROOT, "  RESULT %d edits after %d warm-up: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 200 ms)%n",
                edits, warmup, ReparseLatency.percentile(times, 50) / 1e6, ReparseLatency.percentile(times, 99) / 1e6,
                times[times.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "         server CPU per edit (10 ms ticks): p50 %d ms, p99 %d ms, max %d ms%n",
                ReparseLatency.percentile(cpus, 50), ReparseLatency.percentile(cpus, 99), cpus[cpus.length - 1]);
        System.out.printf(Locale.ROOT, "  RESULT after the edits: live heap %.0f MB, RSS %.0f MB, peak RSS %.0f MB%n",
                edited.liveMb(), edited.rssMb(), edited.peakMb());
        server.shutdown().get(60, TimeUnit.SECONDS);
        server.exit();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    // ---- check: rx-lsp check on files with huge names -----------------------------------------

    private static void check(List<String> files, List<String> cmd) throws Exception {
        System.out.println();
        for (String f : files) {
            List<String> command = new ArrayList<>(cmd);
            command.add("check");
            command.add(f);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long peak = 0;
            long cpu = 0;
            while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, Memory.statusKb(p.pid(), "VmHWM"));
                cpu = Math.max(cpu, cpuMillis(p.pid()));
            }
            System.out.printf(Locale.ROOT, "  RESULT check %-28s %6.2f s wall, %6.2f s CPU, peak RSS %5.0f MB (exit %d)%n",
                    Path.of(f).getFileName(), (System.nanoTime() - t0) / 1e9, cpu / 1e3, peak / 1024.0, p.exitValue());
        }
    }

    // ---- measuring the server process -------------------------------------------------------

    /** User + system CPU time of a process, from /proc (Linux), in milliseconds; 0 when unknown. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    record Memory(double liveMb, double rssMb, double peakMb) {
        /** @param live whether to measure the live heap (a full collection through jcmd) */
        static Memory of(long pid, boolean live) throws Exception {
            double heap = live ? liveHeapBytes(pid) / 1e6 : Double.NaN;
            return new Memory(heap, statusKb(pid, "VmRSS") / 1024.0, statusKb(pid, "VmHWM") / 1024.0);
        }

        static long statusKb(long pid, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(field + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended
            }
            return 0;
        }

        /** The heap's live bytes: jcmd's class histogram runs a full collection first. */
        static long liveHeapBytes(long pid) throws Exception {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            for (String line : out.split("\n")) {
                if (line.startsWith("Total")) {
                    String[] f = line.trim().split("\\s+");
                    return Long.parseLong(f[2]);
                }
            }
            throw new IllegalStateException("no histogram from jcmd: " + out);
        }
    }
}
