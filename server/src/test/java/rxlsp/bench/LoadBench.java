package rxlsp.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Load (run by {@code bench/load.sh}, not a test): the server process {@code bin/rx-lsp} holds a
 * 5,000-line Nix module with 50 MCL raw blocks while edits arrive at a fixed rate (1,000 a second),
 * each sent when due without waiting for anything, and a hover or a completion request every 50 ms
 * in between. Half the edits type or delete one character in an MCL line of a raw block and stay
 * (a digit, a comment, a variable's name: the program stays mostly valid but keeps changing); the
 * other half are pairs that type a character anywhere in the module, often one that breaks Nix's
 * or MCL's syntax, and delete it with the next edit.
 * No edit touches a line break, so the client keeps its line table by shifting.
 *
 * <p>Prints the edits sent per second achieved; the server's live heap after a full collection
 * (jcmd GC.class_histogram) every few seconds, first and last after the warm-up and the slope; the
 * hover and completion latency (request to response, answered requests and those the server
 * answered with ContentModified because a newer edit overtook them, apart) with p50/p99 against
 * the feature targets (hover ≤ 15 ms, completion ≤ 30 ms); and whether the diagnostics the server
 * published last, for the final version, equal those of a fresh server opening the final text.
 * Exits with status 1 when they differ.
 *
 * <pre>
 * LoadBench COMMAND [--seconds 60] [--rate 1000] [--warmup S] [--sample 5] [--seed 1]
 * </pre>
 */
public final class LoadBench {
    private static final String URI = "file:///bench-load/configuration.nix";
    private static final double HOVER_TARGET_MS = 15;
    private static final double COMPLETION_TARGET_MS = 30;
    private static final long REQUEST_EVERY_NANOS = 50_000_000L;
    /** The indentation of the MCL lines inside the generated module's raw blocks. */
    private static final String MCL_INDENT = "          ";

    private LoadBench() {
    }

    /** One answered or refused request: its kind, when it was sent, how long it took, and how it ended. */
    private record Timed(String kind, long sentNanos, double ms, Outcome outcome) {
    }

    private enum Outcome { ANSWERED, CONTENT_MODIFIED, OTHER_ERROR }

    /** One heap sample: seconds into the run, live heap after a full collection, RSS; the collection's own window. */
    private record Sample(double seconds, double liveMb, double rssMb, long fromNanos, long toNanos) {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args) ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            status = 2;
        }
        System.exit(status); // lsp4j's client launcher leaves a non-daemon reader thread behind
    }

    /** @return whether the final diagnostics equal a fresh server's */
    private static boolean run(String[] args) throws Exception {
        String command = args[0];
        int seconds = 60;
        int rate = 1000;
        int warmup = -1;
        int sampleEvery = 5;
        long seed = 1;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sample" -> sampleEvery = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (warmup < 0) {
            warmup = Math.max(1, seconds / 6);
        }
        String module = EmbedLatencyBench.module(5_000, 50);
        boolean equal;
        try (LspSession loaded = LspSession.open(command, URI, module)) {
            TextModel text = new TextModel(module);
            Run run = new Run(loaded, text, seconds, rate, warmup, sampleEvery, new Random(seed));
            run.go();
            PublishDiagnosticsParams last = run.finalDiagnostics();
            try (LspSession fresh = LspSession.open(command, URI, text.toString())) {
                PublishDiagnosticsParams freshOnes = fresh.client.last.get(URI);
                equal = sameDiagnostics(last.getDiagnostics(), freshOnes.getDiagnostics());
                System.out.printf(Locale.ROOT, "  RESULT final diagnostics (version %d, %d of them) against a fresh server opening the final text"
                        + " (%d): %s%n", last.getVersion(), last.getDiagnostics().size(), freshOnes.getDiagnostics().size(),
                        equal ? "EQUAL" : "DIFFERENT");
                if (!equal) {
                    printDifference(last.getDiagnostics(), freshOnes.getDiagnostics());
                }
            }
        }
        return equal;
    }

    /** One load run against a server holding the module. */
    private static final class Run {
        private final LspSession session;
        private final TextDocumentService lsp;
        private final TextModel text;
        private final int seconds;
        private final int rate;
        private final int warmup;
        private final int sampleEvery;
        private final Random random;
        private final int[] mclLines;
        private final ConcurrentLinkedQueue<Timed> timed = new ConcurrentLinkedQueue<>();
        private final List<Sample> samples = new ArrayList<>();
        private final AtomicInteger pending = new AtomicInteger();
        private int version = 1;
        private long start;
        private long lastEditNanos;

        Run(LspSession session, TextModel text, int seconds, int rate, int warmup, int sampleEvery, Random random) {
            this.session = session;
            this.lsp = session.server.getTextDocumentService();
            this.text = text;
            this.seconds = seconds;
            this.rate = rate;
            this.warmup = warmup;
            this.sampleEvery = sampleEvery;
            this.random = random;
            this.mclLines = text.linesStartingWith(MCL_INDENT + "$v");
        }

        void go() throws Exception {
            long pid = session.process.pid();
            long cpu0 = BigInputs.cpuMillis(pid);
            start = System.nanoTime();
            Thread sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> sample(pid));
            long period = 1_000_000_000L / rate;
            long total = (long) seconds * rate;
            long nextRequest = start + REQUEST_EVERY_NANOS;
            boolean hover = true;
            int pairOffset = -1; // the offset of a character a pair typed and the next edit deletes
            long late = 0;
            for (long i = 0; i < total; i++) {
                long due = start + i * period;
                long now = System.nanoTime();
                if (now < due) {
                    LockSupport.parkNanos(due - now);
                } else if (now - due > 5_000_000L) {
                    late++;
                }
                if (pairOffset >= 0) {
                    edit(pairOffset, 1, "");
                    pairOffset = -1;
                } else if (random.nextBoolean()) {
                    mclEdit();
                } else {
                    pairOffset = random.nextInt(text.length());
                    edit(pairOffset, 0, String.valueOf(";{}\"=(ab1 ".charAt(random.nextInt(10))));
                }
                if (System.nanoTime() >= nextRequest) {
                    request(hover);
                    hover = !hover;
                    nextRequest += REQUEST_EVERY_NANOS;
                }
            }
            if (pairOffset >= 0) {
                edit(pairOffset, 1, "");
            }
            lastEditNanos = System.nanoTime();
            double sendSeconds = (lastEditNanos - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            long cpu = BigInputs.cpuMillis(pid) - cpu0;
            System.out.printf(Locale.ROOT, "Module: 5,000 lines, 50 MCL blocks; %d s at %d edits/s, a hover or completion every %d ms;"
                    + " warm-up %d s%n", seconds, rate, REQUEST_EVERY_NANOS / 1_000_000, warmup);
            System.out.printf(Locale.ROOT, "  RESULT edits sent: %d in %.1f s = %.0f edits/s (target %d/s; %d sent more than 5 ms late);"
                    + " server CPU %.1f s (%.2f cores)%n", version - 1, sendSeconds, (version - 1) / sendSeconds, rate, late,
                    cpu / 1e3, cpu / 1e3 / sendSeconds);
            long published = session.client.published.stream().filter(p -> p.version() > 1).count();
            System.out.printf(Locale.ROOT, "  diagnostics published during the run: %d (the server analyses the newest text, not every version)%n",
                    published);
            heapReport();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pending.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            latencyReport("hover", HOVER_TARGET_MS);
            latencyReport("completion", COMPLETION_TARGET_MS);
        }

        /**
         * A character typed or deleted in an MCL line {@code $vB_I = I + 1 # note} that leaves it
         * valid, as most keystrokes do: a digit in the number, a letter in the comment, a letter in
         * the variable's name (now and then a name another line has: a duplicate definition).
         * Breaking keystrokes come from the pairs.
         */
        private void mclEdit() {
            int line = mclLines[random.nextInt(mclLines.length)];
            int from = text.lineStart(line);
            String content = text.substring(from, text.lineEnd(line));
            int equals = content.indexOf(" = ");
            int hash = content.indexOf('#');
            switch (random.nextInt(3)) {
                case 0 -> { // the number after `=`: type a digit after its first digit, or delete one of two or more
                    int digits = equals + 3;
                    int end = digits;
                    while (end < content.length() && Character.isDigit(content.charAt(end))) {
                        end++;
                    }
                    if (end - digits > 1 && random.nextBoolean()) {
                        edit(from + digits + 1, 1, "");
                    } else {
                        edit(from + digits + 1, 0, String.valueOf((char) ('0' + random.nextInt(10))));
                    }
                }
                case 1 -> { // the comment
                    if (content.length() - hash > 3 && random.nextBoolean()) {
                        edit(from + hash + 2 + random.nextInt(content.length() - hash - 2), 1, "");
                    } else {
                        edit(from + hash + 2 + random.nextInt(content.length() - hash - 1), 0, String.valueOf("abxyz ".charAt(random.nextInt(6))));
                    }
                }
                default -> { // the name, after `$v`
                    int name = MCL_INDENT.length() + 2;
                    if (equals - name > 3 && random.nextBoolean()) {
                        edit(from + name, 1, "");
                    } else {
                        edit(from + name, 0, String.valueOf("abxyz".charAt(random.nextInt(5))));
                    }
                }
            }
        }

        private void edit(int offset, int length, String inserted) {
            Range range = new Range(text.position(offset), text.position(offset + length));
            version++;
            lsp.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
                    List.of(new TextDocumentContentChangeEvent(range, inserted))));
            text.replace(offset, length, inserted);
        }

        /** Hover on the name in a use of {@code ${greeting}}, or completion right after an MCL line's {@code $}. */
        private void request(boolean hover) {
            TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
            int from = random.nextInt(text.length() / 2);
            CompletableFuture<?> answer;
            String kind;
            if (hover) {
                int use = text.indexOf("${greeting}", from);
                Position at = text.position(use + 3);
                kind = "hover";
                answer = lsp.hover(new HoverParams(id, at));
            } else {
                int line = text.indexOf("\n" + MCL_INDENT + "$", from);
                Position at = text.position(line + 1 + MCL_INDENT.length() + 1);
                kind = "completion";
                answer = lsp.completion(new CompletionParams(id, at));
            }
            long sent = System.nanoTime();
            pending.incrementAndGet();
            answer.whenComplete((result, error) -> {
                double ms = (System.nanoTime() - sent) / 1e6;
                timed.add(new Timed(kind, sent, ms, outcome(error)));
                pending.decrementAndGet();
            });
        }

        private static Outcome outcome(Throwable error) {
            Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (e == null) {
                return Outcome.ANSWERED;
            }
            if (e instanceof ResponseErrorException r && r.getResponseError().getCode() == ResponseErrorCode.ContentModified.getValue()) {
                return Outcome.CONTENT_MODIFIED;
            }
            return Outcome.OTHER_ERROR;
        }

        /** Every few seconds the live heap after a full collection; the collection pauses the server, so its window is kept. */
        private void sample(long pid) {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(sampleEvery * 1000L);
                    long from = System.nanoTime();
                    BigInputs.Memory m = BigInputs.Memory.of(pid, true);
                    long to = System.nanoTime();
                    synchronized (samples) {
                        samples.add(new Sample((to - start) / 1e9, m.liveMb(), m.rssMb(), from, to));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("heap sampling stopped: " + e);
            }
        }

        private void heapReport() {
            List<Sample> all;
            synchronized (samples) {
                all = List.copyOf(samples);
            }
            StringBuilder line = new StringBuilder("  live heap after a full collection (s: MB):");
            all.forEach(s -> line.append(String.format(Locale.ROOT, " %.0f: %.1f", s.seconds(), s.liveMb())));
            System.out.println(line);
            List<Sample> warm = all.stream().filter(s -> s.seconds() >= warmup).toList();
            if (warm.size() < 2) {
                System.out.println("  RESULT heap: fewer than two samples after the warm-up (run longer)");
                return;
            }
            // least squares slope of live heap over time, after the warm-up
            double mt = warm.stream().mapToDouble(Sample::seconds).average().orElseThrow();
            double mh = warm.stream().mapToDouble(Sample::liveMb).average().orElseThrow();
            double num = 0;
            double den = 0;
            for (Sample s : warm) {
                num += (s.seconds() - mt) * (s.liveMb() - mh);
                den += (s.seconds() - mt) * (s.seconds() - mt);
            }
            double slopePerMinute = num / den * 60;
            Sample first = warm.getFirst();
            Sample last = warm.getLast();
            double maxRss = all.stream().mapToDouble(Sample::rssMb).max().orElseThrow();
            System.out.printf(Locale.ROOT, "  RESULT live heap after warm-up: first %.1f MB (at %.0f s), last %.1f MB (at %.0f s), slope %+.2f MB/min"
                    + " over %d samples; RSS at most %.0f MB%n", first.liveMb(), first.seconds(), last.liveMb(), last.seconds(),
                    slopePerMinute, warm.size(), maxRss);
        }

        private void latencyReport(String kind, double target) {
            List<Timed> mine = timed.stream().filter(t -> t.kind().equals(kind) && t.sentNanos() - start >= warmup * 1_000_000_000L).toList();
            List<Sample> gcs;
            synchronized (samples) {
                gcs = List.copyOf(samples);
            }
            // the benchmark's own forced collections pause the server: requests in flight then are left out
            List<Timed> clean = mine.stream().filter(t -> gcs.stream().noneMatch(g -> overlaps(t, g))).toList();
            List<Timed> answered = clean.stream().filter(t -> t.outcome() == Outcome.ANSWERED).toList();
            long modified = clean.stream().filter(t -> t.outcome() == Outcome.CONTENT_MODIFIED).count();
            long other = clean.stream().filter(t -> t.outcome() == Outcome.OTHER_ERROR).count();
            System.out.printf(Locale.ROOT, "  %s: %d after the warm-up (%d left out: in flight during a forced collection): %d answered,"
                    + " %d ContentModified (a newer edit overtook the request), %d other errors%n",
                    kind, mine.size(), mine.size() - clean.size(), answered.size(), modified, other);
            report("  RESULT " + kind + " answered", answered, target);
            report("         " + kind + " all replies", clean, target);
        }

        private static boolean overlaps(Timed t, Sample g) {
            long end = t.sentNanos() + (long) (t.ms() * 1e6);
            return t.sentNanos() <= g.toNanos() && end >= g.fromNanos();
        }

        private static void report(String what, List<Timed> times, double target) {
            if (times.isEmpty()) {
                System.out.println(what + ": none");
                return;
            }
            double[] ms = times.stream().mapToDouble(Timed::ms).sorted().toArray();
            double p50 = ms[ms.length / 2];
            double p99 = ms[(int) Math.ceil(ms.length * 0.99) - 1];
            System.out.printf(Locale.ROOT, "%s n=%d: p50 %.2f ms, p99 %.2f ms, max %.2f ms (p99 / target %.0f ms = %.2f)%n",
                    what, ms.length, p50, p99, ms[ms.length - 1], target, p99 / target);
        }

        /** Waits for the diagnostics of the final version (the server publishes the newest text's, at the latest). */
        PublishDiagnosticsParams finalDiagnostics() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                PublishDiagnosticsParams p = session.client.last.get(URI);
                if (p != null && p.getVersion() != null && p.getVersion() == version) {
                    System.out.printf(Locale.ROOT, "  final version %d's diagnostics arrived %.0f ms after its edit was sent%n",
                            version, (System.nanoTime() - lastEditNanos) / 1e6);
                    return p;
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("no diagnostics for the final version " + version + " within 60 s");
        }
    }

    /** Diagnostics are a set for an editor: equal when the same ones were published, in any order. */
    private static boolean sameDiagnostics(List<Diagnostic> a, List<Diagnostic> b) {
        return sorted(a).equals(sorted(b));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> ds) {
        Comparator<Diagnostic> order = Comparator.comparingInt((Diagnostic d) -> d.getRange().getStart().getLine())
                .thenComparingInt(d -> d.getRange().getStart().getCharacter())
                .thenComparing(Diagnostic::toString);
        return ds.stream().sorted(order).toList();
    }

    private static void printDifference(List<Diagnostic> loaded, List<Diagnostic> fresh) {
        List<Diagnostic> onlyLoaded = new ArrayList<>(sorted(loaded));
        onlyLoaded.removeAll(fresh);
        List<Diagnostic> onlyFresh = new ArrayList<>(sorted(fresh));
        onlyFresh.removeAll(loaded);
        onlyLoaded.stream().limit(10).forEach(d -> System.out.println("    only after the edits: " + brief(d)));
        onlyFresh.stream().limit(10).forEach(d -> System.out.println("    only in the fresh analysis: " + brief(d)));
    }

    private static String brief(Diagnostic d) {
        Position s = d.getRange().getStart();
        return (s.getLine() + 1) + ":" + (s.getCharacter() + 1) + " " + d.getMessage() + " [" + (d.getCode() == null ? "" : d.getCode().get()) + "]";
    }

    /**
     * The client's copy of the text. Edits never add or remove a line break, so the line starts only
     * shift; ASCII text, so UTF-16 columns are char offsets.
     */
    static final class TextModel {
        private final StringBuilder text;
        private final int[] lineStarts;

        TextModel(String text) {
            this.text = new StringBuilder(text);
            this.lineStarts = new int[(int) text.chars().filter(c -> c == '\n').count() + 1];
            int k = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts[k++] = i + 1;
                }
            }
        }

        void replace(int offset, int length, String inserted) {
            if (text.substring(offset, offset + length).indexOf('\n') >= 0 || inserted.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("edits keep the line breaks");
            }
            text.replace(offset, offset + length, inserted);
            int shift = inserted.length() - length;
            for (int line = lineOf(offset) + 1; line < lineStarts.length; line++) {
                lineStarts[line] += shift;
            }
        }

        int length() {
            return text.length();
        }

        String substring(int from, int to) {
            return text.substring(from, to);
        }

        int indexOf(String s, int from) {
            int i = text.indexOf(s, from);
            return i >= 0 ? i : text.indexOf(s);
        }

        int lineStart(int line) {
            return lineStarts[line];
        }

        /** The offset of the line's break (or the text's end). */
        int lineEnd(int line) {
            return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        }

        int[] linesStartingWith(String prefix) {
            List<Integer> lines = new ArrayList<>();
            for (int line = 0; line < lineStarts.length; line++) {
                if (text.length() >= lineStarts[line] + prefix.length()
                        && text.substring(lineStarts[line], lineStarts[line] + prefix.length()).equals(prefix)) {
                    lines.add(line);
                }
            }
            return lines.stream().mapToInt(Integer::intValue).toArray();
        }

        private int lineOf(int offset) {
            int line = Arrays.binarySearch(lineStarts, offset);
            return line < 0 ? -line - 2 : line;
        }

        Position position(int offset) {
            int line = lineOf(offset);
            return new Position(line, offset - lineStarts[line]);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
