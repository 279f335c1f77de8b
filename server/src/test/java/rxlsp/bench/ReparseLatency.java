package rxlsp.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import rxlsp.analysis.Diagnostics;
import rxlsp.lsp.ServerLauncher;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.TextEdit;

/**
 * Benchmark (not a test): latency from a one-character edit to its diagnostics, in a large Nix file.
 * Run by {@code bench/reparse-latency.sh}.
 *
 * <pre>
 * ReparseLatency FILE [--edits N] [--warmup N] [--seed N] [--modes direct,lsp] [--server-cmd CMD ARG...]
 * </pre>
 *
 * <ul>
 *   <li>{@code direct}: {@code NixParser.reparse(edit)} + {@code Diagnostics.ofNix}, no LSP at all;
 *   <li>{@code lsp}: the real server ({@link ServerLauncher#serve}, the code behind {@code rx-lsp})
 *       in this JVM, driven by an lsp4j client launcher over two OS pipes ({@link Pipe}): the time is
 *       taken from just before {@code didChange} is written until the client has read and decoded
 *       the {@code publishDiagnostics} for that version;
 *   <li>{@code process}: the same, against {@code --server-cmd} (e.g. {@code bin/rx-lsp}) started
 *       as a child process and talked to over its stdin/stdout, as an editor does.
 * </ul>
 *
 * Edits come in pairs at seeded random positions: insert one character, then delete it again, so
 * the file stays at its size. 70% type a letter or digit into a word, 10% a space or newline, 20%
 * one of {@code ; { } " = (}, which usually breaks the syntax until the next edit repairs it. Each
 * edit waits for the previous one's diagnostics (latency, not throughput).
 */
public final class ReparseLatency {
    private static final String URI = "file:///bench/big.nix";

    /** One single-character edit: an insertion of {@code ch} at {@code offset}, or (ch == 0) a deletion there. */
    record Edit(int offset, char ch) {
        boolean insert() {
            return ch != 0;
        }

        TextEdit toTextEdit() {
            return insert() ? new TextEdit(offset, offset, String.valueOf(ch)) : new TextEdit(offset, offset + 1, "");
        }
    }

    static List<Edit> script(String text, int count, long seed) {
        Random rnd = new Random(seed);
        List<Edit> edits = new ArrayList<>(count);
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String breaking = ";{}\"=(";
        while (edits.size() < count) {
            int p = rnd.nextInt(text.length());
            double kind = rnd.nextDouble();
            char ch;
            if (kind < 0.7) { // typing into a word: after a letter
                while (p < text.length() && !Character.isLetter(text.charAt(Math.max(0, p - 1)))) {
                    p++;
                }
                ch = letters.charAt(rnd.nextInt(letters.length()));
            } else if (kind < 0.8) {
                ch = rnd.nextInt(4) == 0 ? '\n' : ' ';
            } else {
                ch = breaking.charAt(rnd.nextInt(breaking.length()));
            }
            p = Math.min(p, text.length());
            edits.add(new Edit(p, ch));
            edits.add(new Edit(p, (char) 0));
        }
        return edits.subList(0, count);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int editCount = 2000;
        int warmup = 600;
        long seed = 1;
        List<String> modes = List.of("direct", "lsp");
        List<String> serverCmd = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--edits" -> editCount = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--modes" -> modes = List.of(args[++i].split(","));
                case "--server-cmd" -> {
                    serverCmd = List.of(Arrays.copyOfRange(args, i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String text = Files.readString(file);
        long lines = text.chars().filter(c -> c == '\n').count();
        long strings = countIndentedStrings(text);
        System.out.printf(Locale.ROOT, "File: %s, %d lines, %d chars, %d indented strings; %d measured edits after %d warm-up edits (seed %d)%n",
                file, lines, text.length(), strings, editCount, warmup, seed);
        System.out.printf(Locale.ROOT, "JVM: %s %s, %d CPUs, options %s%n", System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<Edit> edits = script(text, warmup + editCount, seed);
        for (String mode : modes) {
            switch (mode) {
                case "direct" -> direct(text, edits, warmup);
                case "lsp" -> lsp(text, edits, warmup, null);
                case "process" -> lsp(text, edits, warmup, serverCmd);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        System.exit(0); // lsp4j's client launcher leaves a non-daemon reader thread behind
    }

    private static long countIndentedStrings(String text) {
        long quotes = 0;
        for (int i = text.indexOf("''"); i >= 0; i = text.indexOf("''", i + 2)) {
            boolean escape = i + 2 < text.length() && (text.charAt(i + 2) == '$' || text.charAt(i + 2) == '\'' || text.charAt(i + 2) == '\\');
            if (!escape) {
                quotes++;
            }
        }
        return quotes / 2;
    }

    // ---- direct: parser and checks only --------------------------------------------------------

    private static void direct(String text, List<Edit> edits, int warmup) {
        long[] full = new long[40];
        try (NixParser parser = new NixParser()) {
            for (int i = -10; i < full.length; i++) { // fresh full parses, for comparison
                long t0 = System.nanoTime();
                Diagnostics.ofNix(parser.parse(text));
                if (i >= 0) {
                    full[i] = System.nanoTime() - t0;
                }
            }
        }
        long[] times = new long[edits.size() - warmup];
        long[] cpu = new long[times.length];
        long[] cpuReparse = new long[times.length];
        boolean[] broken = new boolean[times.length];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (NixParser parser = new NixParser()) {
            parser.parse(text);
            for (int i = 0; i < edits.size(); i++) {
                TextEdit e = edits.get(i).toTextEdit();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                NixSyntaxTree tree = parser.reparse(List.of(e));
                long c1 = threads.getCurrentThreadCpuTime();
                int n = Diagnostics.ofNix(tree).size();
                long t = System.nanoTime() - t0;
                long c = threads.getCurrentThreadCpuTime() - c0;
                if (i >= warmup) {
                    times[i - warmup] = t;
                    cpu[i - warmup] = c;
                    cpuReparse[i - warmup] = c1 - c0;
                    broken[i - warmup] = n > 0;
                }
            }
        }
        System.out.println();
        System.out.println("direct (in-process, no LSP): NixParser.reparse(one edit) + Diagnostics.ofNix");
        report(times, broken);
        System.out.println("  CPU time of the same work (less sensitive to other load): " + summary(cpu));
        long[] cpuChecks = new long[cpu.length];
        for (int i = 0; i < cpu.length; i++) {
            cpuChecks[i] = cpu[i] - cpuReparse[i];
        }
        System.out.println("    of it NixParser.reparse:  " + summary(cpuReparse));
        System.out.println("    of it Diagnostics.ofNix:  " + summary(cpuChecks));
        System.out.println("  for comparison, a full NixParser.parse + Diagnostics.ofNix of the file: " + summary(full));
    }

    // ---- LSP: the real server over pipes -------------------------------------------------------

    /** Records each publishDiagnostics with its arrival time. */
    static final class Client implements LanguageClient {
        record Published(int version, int count, long nanos) {
        }

        final LinkedBlockingQueue<Published> published = new LinkedBlockingQueue<>();
        /** The last diagnostics published for each document, whole (for comparing them with another server's). */
        final Map<String, PublishDiagnosticsParams> last = new ConcurrentHashMap<>();

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            long now = System.nanoTime();
            last.put(d.getUri(), d);
            published.add(new Published(d.getVersion() == null ? -1 : d.getVersion(), d.getDiagnostics().size(), now));
        }

        Published await(int version) throws InterruptedException {
            while (true) {
                Published p = published.poll(30, TimeUnit.SECONDS);
                if (p == null) {
                    throw new IllegalStateException("no diagnostics for version " + version + " within 30 s");
                }
                if (p.version() == version) {
                    return p;
                }
            }
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams m) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams m) {
            System.err.println("server log: " + m.getMessage());
        }
    }

    private static void lsp(String text, List<Edit> edits, int warmup, List<String> serverCmd) throws Exception {
        InputStream fromServer;
        OutputStream toServer;
        Process process = null;
        Thread serverThread = null;
        CompletableFuture<Integer> serverExit = new CompletableFuture<>();
        if (serverCmd == null) {
            Pipe clientToServer = Pipe.open();
            Pipe serverToClient = Pipe.open();
            InputStream serverIn = Channels.newInputStream(clientToServer.source());
            OutputStream serverOut = Channels.newOutputStream(serverToClient.sink());
            serverThread = new Thread(() -> {
                try {
                    serverExit.complete(ServerLauncher.serve(serverIn, serverOut));
                } catch (Exception e) {
                    serverExit.completeExceptionally(e);
                }
            }, "bench-server");
            serverThread.setDaemon(true);
            serverThread.start();
            fromServer = Channels.newInputStream(serverToClient.source());
            toServer = Channels.newOutputStream(clientToServer.sink());
        } else {
            process = new ProcessBuilder(serverCmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            fromServer = process.getInputStream();
            toServer = process.getOutputStream();
        }
        Client client = new Client();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, fromServer, toServer);
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();

        long started = System.nanoTime();
        InitializeParams init = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        GeneralClientCapabilities general = new GeneralClientCapabilities();
        general.setPositionEncodings(List.of("utf-16"));
        caps.setGeneral(general);
        init.setCapabilities(caps);
        try {
            server.initialize(init).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (process != null && process.waitFor(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server process exited with " + process.exitValue() + " before initialize", e);
            }
            throw e;
        }
        server.initialized(new InitializedParams());
        long initialized = System.nanoTime();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(URI, "nix", 1, text)));
        Client.Published first = client.await(1);
        String where = serverCmd == null ? "in-process server (rxlsp.lsp.ServerLauncher.serve) over OS pipes"
                : "server process `" + String.join(" ", serverCmd) + "` over stdin/stdout";
        System.out.println();
        System.out.println("lsp: " + where + ", lsp4j client, incremental didChange -> publishDiagnostics of that version");
        System.out.printf(Locale.ROOT, "  initialize round trip %.1f ms; didOpen -> first diagnostics %.1f ms%n",
                (initialized - started) / 1e6, (first.nanos() - initialized) / 1e6);

        Document doc = new Document(text);
        long[] times = new long[edits.size() - warmup];
        boolean[] broken = new boolean[times.length];
        int version = 1;
        for (int i = 0; i < edits.size(); i++) {
            Edit e = edits.get(i);
            Range range = e.insert() ? new Range(doc.position(e.offset()), doc.position(e.offset()))
                    : new Range(doc.position(e.offset()), doc.position(e.offset() + 1));
            TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, e.insert() ? String.valueOf(e.ch()) : "");
            version++;
            var params = new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version), List.of(change));
            long t0 = System.nanoTime();
            server.getTextDocumentService().didChange(params);
            Client.Published p = client.await(version);
            if (i >= warmup) {
                times[i - warmup] = p.nanos() - t0;
                broken[i - warmup] = p.count() > 0;
            }
            doc.apply(e);
        }
        report(times, broken);

        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        if (process != null) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
            System.out.println("  server exited with " + process.exitValue());
        } else {
            System.out.println("  server exited with " + serverExit.get(30, TimeUnit.SECONDS));
        }
        toServer.close();
    }

    /** The client's copy of the text, for LSP positions (ASCII text: UTF-16 columns are char offsets). */
    static final class Document {
        private final StringBuilder text;
        private int[] lineStarts;

        Document(String text) {
            this.text = new StringBuilder(text);
            index();
        }

        void apply(Edit e) {
            if (e.insert()) {
                text.insert(e.offset(), e.ch());
            } else {
                text.deleteCharAt(e.offset());
            }
            index();
        }

        private void index() {
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            lineStarts = new int[n];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts[k++] = i + 1;
                }
            }
        }

        int indexOf(String s, int from) {
            return text.indexOf(s, from);
        }

        Position position(int offset) {
            int line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) {
                line = -line - 2;
            }
            return new Position(line, offset - lineStarts[line]);
        }
    }

    // ---- reporting ---------------------------------------------------------------------------

    private static void report(long[] nanos, boolean[] broken) {
        int n = 0;
        for (boolean b : broken) {
            n += b ? 1 : 0;
        }
        long[] bad = new long[n];
        long[] good = new long[nanos.length - n];
        for (int i = 0, b = 0, g = 0; i < nanos.length; i++) {
            if (broken[i]) {
                bad[b++] = nanos[i];
            } else {
                good[g++] = nanos[i];
            }
        }
        System.out.printf(Locale.ROOT, "  all %d edits:              %s%n", nanos.length, summary(nanos));
        System.out.printf(Locale.ROOT, "  %4d leaving no error:      %s%n", good.length, summary(good));
        System.out.printf(Locale.ROOT, "  %4d leaving syntax errors: %s%n", bad.length, summary(bad));
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  RESULT p50 %.2f ms, p99 %.2f ms (target p99 <= 20 ms)%n",
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
    }

    static String summary(long[] nanos) {
        if (nanos.length == 0) {
            return "-";
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0);
        return String.format(Locale.ROOT, "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms",
                percentile(s, 50) / 1e6, percentile(s, 90) / 1e6, percentile(s, 99) / 1e6, s[s.length - 1] / 1e6, mean / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private ReparseLatency() {
    }
}
