package rxlsp.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;
import rxlsp.analysis.ConfigurationContext;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.analysis.DocumentModel;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * Navigation while typing (run by {@code bench/navigation-latency.sh}, not a test): the server
 * process {@code bin/rx-lsp} holds a 5,000-line Nix module with 50 MCL raw blocks; each round makes
 * a one-character edit in a raw block and at once sends one request about {@code ${greeting}} (50
 * uses of an {@code rx.mcl.vars} variable) — hover, definition, references or rename in turn —
 * timing request to response (the request waits for the edit's analysis, as an editor's does).
 * Targets: hover and definition p99 ≤ 15 ms, references and rename p99 ≤ 50 ms. Then, in process,
 * the heap the kept models take per 1,000 lines.
 */
public final class NavigationLatencyBench {
    private static final String URI = "file:///bench-nav/configuration.nix";
    private static final Map<String, Double> TARGETS = Map.of("hover", 15.0, "definition", 15.0,
            "references", 50.0, "rename", 50.0);

    private NavigationLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int warmup = rounds / 4;
        String module = EmbedLatencyBench.module(5_000, 50);
        try (LspSession session = LspSession.open(args[0], URI, module)) {
            run(session.server, module, rounds, warmup);
        }
        memory(module);
    }

    private static void run(LanguageServer lsp, String module, int rounds, int warmup) throws Exception {
        ReparseLatency.Document doc = new ReparseLatency.Document(module);
        int typing = module.indexOf("msg => \"block 7") + 10; // inside block 7's string, before `${greeting}`
        TextDocumentIdentifier id = new TextDocumentIdentifier(URI);
        Map<String, Function<Position, CompletableFuture<?>>> requests = new LinkedHashMap<>();
        requests.put("hover", p -> lsp.getTextDocumentService().hover(new HoverParams(id, p)));
        requests.put("definition", p -> lsp.getTextDocumentService().definition(new DefinitionParams(id, p)));
        requests.put("references", p -> lsp.getTextDocumentService().references(new ReferenceParams(id, p, new ReferenceContext(true))));
        requests.put("rename", p -> lsp.getTextDocumentService().rename(new RenameParams(id, p, "salute")));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        requests.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        List<String> kinds = new ArrayList<>(requests.keySet());
        int version = 1;
        boolean inserted = false;
        for (int i = 0; i < rounds; i++) {
            version++;
            Position at = doc.position(typing);
            String text = inserted ? "" : "x";
            Range range = new Range(at, inserted ? doc.position(typing + 1) : at);
            lsp.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(URI, version),
                    List.of(new TextDocumentContentChangeEvent(range, text))));
            doc.apply(new ReparseLatency.Edit(typing, inserted ? (char) 0 : 'x'));
            inserted = !inserted;
            int use = doc.indexOf("${greeting}", typing) + 3; // on the name, after the edit
            String kind = kinds.get(i % kinds.size());
            long t0 = System.nanoTime();
            Object answer = requests.get(kind).apply(doc.position(use)).get(30, TimeUnit.SECONDS);
            long t1 = System.nanoTime();
            if (answer == null) {
                throw new IllegalStateException(kind + " gave no answer in round " + i);
            }
            if (i >= warmup) {
                times.get(kind).add((t1 - t0) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "Module: 5,000 lines, 50 MCL blocks; %d rounds (edit, then one request at once), %d warm-up rounds%n",
                rounds, warmup);
        times.forEach((kind, ms) -> report(kind, ms, TARGETS.get(kind)));
    }

    private static void report(String kind, List<Double> ms, double target) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p50 = sorted[sorted.length / 2];
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        System.out.printf(Locale.ROOT, "  %-11s n=%4d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (p99 / target %.0f ms = %.2f)%n",
                kind, sorted.length, p50, p99, sorted[sorted.length - 1], target, p99 / target);
    }

    /** The live heap one kept model of the module takes (its trees, program, resolution and types), per 1,000 lines. */
    private static void memory(String module) {
        int copies = 8;
        List<DocumentModel> kept = new ArrayList<>();
        long before = usedAfterGc();
        for (int c = 0; c < copies; c++) {
            Path file = Path.of("/bench-mem/m" + c + "/configuration.nix");
            String text = module.replace("block ", "block" + c + " ");
            try (var context = new ConfigurationContext(p -> p.equals(file) ? Optional.of(text) : Optional.empty(),
                    () -> List.of(file.getParent()), () -> List.of(file));
                 var analyzer = new DocumentAnalyzer(context)) {
                kept.add(analyzer.analyze(new DocumentSnapshot(file.toUri().toString(), FileKind.NIX, 1, text, null),
                        Dialect.MGMT_1_1, Catalog.builtIn(Dialect.MGMT_1_1)));
            }
        }
        long after = usedAfterGc();
        double lines = module.lines().count();
        double perModel = (after - before) / (double) copies;
        System.out.printf(Locale.ROOT, "  kept model: %.1f MB per 5,000-line module = %.2f MB per 1,000 lines (%d models held)%n",
                perModel / 1e6, perModel / 1e6 / (lines / 1000.0), kept.size());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
