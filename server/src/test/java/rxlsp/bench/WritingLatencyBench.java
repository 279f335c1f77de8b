package rxlsp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Writing help while typing (run by {@code bench/writing-latency.sh}, not a test), through the
 * server process {@code bin/rx-lsp} on a 5,000-line Nix module with 50 MCL raw blocks: a character
 * typed in a raw block and at once a completion request there (as editors do), timed request to
 * response; semantic tokens of the whole module (full) and, after each edit, as a delta. Targets:
 * completion p99 ≤ 30 ms, semantic tokens full ≤ 100 ms and delta ≤ 20 ms.
 */
public final class WritingLatencyBench {
    private static final String URI = "file:///bench-write/configuration.nix";

    private WritingLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int warmup = rounds / 4;
        String module = EmbedLatencyBench.module(5_000, 50);
        try (LspSession session = LspSession.open(args[0], URI, module)) {
            run(session.server, module, rounds, warmup);
        }
    }

    private static void run(LanguageServer lsp, String module, int rounds, int warmup) throws Exception {
        TextDocumentIdentifier id = new TextDocumentIdentifier(URI);

        ReparseLatency.Document doc = new ReparseLatency.Document(module);
        // typing `$v` at the start of a new line in block 20's raw block, then completing after the `$`
        int at = module.indexOf("\n", module.indexOf("msg => \"block 20")) + 1;
        List<Double> completion = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> delta = new ArrayList<>();
        String previous = lsp.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(id)).get(60, TimeUnit.SECONDS).getResultId();
        int version = 1;
        for (int i = 0; i < rounds; i++) {
            boolean type = i % 2 == 0;
            Position p = doc.position(at);
            Range range = new Range(p, type ? p : doc.position(at + 1));
            version++;
            lsp.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
                    List.of(new TextDocumentContentChangeEvent(range, type ? "$" : ""))));
            doc.apply(new ReparseLatency.Edit(at, type ? '$' : (char) 0));
            if (type) {
                long t0 = System.nanoTime();
                var items = lsp.getTextDocumentService().completion(new CompletionParams(id, doc.position(at + 1))).get(30, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                if (items.getRight().getItems().isEmpty()) {
                    throw new IllegalStateException("no completion in round " + i);
                }
                if (i >= warmup) {
                    completion.add((t1 - t0) / 1e6);
                }
            } else {
                long t0 = System.nanoTime();
                var d = lsp.getTextDocumentService().semanticTokensFullDelta(new SemanticTokensDeltaParams(id, previous)).get(30, TimeUnit.SECONDS);
                long t1 = System.nanoTime();
                previous = d.isLeft() ? d.getLeft().getResultId() : d.getRight().getResultId();
                if (i >= warmup) {
                    delta.add((t1 - t0) / 1e6);
                }
                if (i % 20 == 1) {
                    long f0 = System.nanoTime();
                    previous = lsp.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(id)).get(30, TimeUnit.SECONDS).getResultId();
                    full.add((System.nanoTime() - f0) / 1e6);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Module: 5,000 lines, 50 MCL blocks; %d rounds (a keystroke, then a request at once), %d warm-up%n",
                rounds, warmup);
        report("completion", completion, 30);
        report("tokens delta", delta, 20);
        report("tokens full", full, 100);
    }

    private static void report(String what, List<Double> ms, double target) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p50 = sorted[sorted.length / 2];
        double p90 = sorted[(int) Math.ceil(sorted.length * 0.90) - 1];
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        System.out.printf(Locale.ROOT, "  %-13s n=%4d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (p99 / target %.0f ms = %.2f)%n",
                what, sorted.length, p50, p90, p99, sorted[sorted.length - 1], target, p99 / target);
    }
}
