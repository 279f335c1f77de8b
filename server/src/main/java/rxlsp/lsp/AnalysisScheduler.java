package rxlsp.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import rxlsp.analysis.AnalysisResult;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.workspace.OpenDocument;

/**
 * Runs document analysis off the protocol thread. Each document is analysed by at most one task at
 * a time, and a request made while one runs only marks the document dirty, so a burst of edits
 * costs one extra analysis, not one per keystroke. A result whose version is no longer the
 * document's current one is dropped, never published.
 */
final class AnalysisScheduler implements AutoCloseable {
    private final ExecutorService pool;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Consumer<AnalysisResult> publish;
    private final Consumer<String> logError;
    private final java.util.function.Supplier<rxlsp.mcl.Dialect> dialect;
    private final java.util.function.Supplier<DocumentAnalyzer> analyzers;
    private final java.util.function.Function<rxlsp.mcl.Dialect, rxlsp.mcl.catalog.Catalog> catalogs;

    /** @param dialect the MCL dialect for the next analysis (the user's setting, read each time) */
    AnalysisScheduler(int threads, Consumer<AnalysisResult> publish, Consumer<String> logError,
                      java.util.function.Supplier<rxlsp.mcl.Dialect> dialect,
                      java.util.function.Supplier<DocumentAnalyzer> analyzers,
                      java.util.function.Function<rxlsp.mcl.Dialect, rxlsp.mcl.catalog.Catalog> catalogs) {
        this.analyzers = analyzers;
        this.catalogs = catalogs;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "rx-lsp-analysis", 16L << 20); // room for deep syntax trees
            t.setDaemon(true);
            return t;
        });
        this.publish = publish;
        this.logError = logError;
        this.dialect = dialect;
    }

    /** Asks for every open document to be analysed again (after a settings change). */
    void requestAll() {
        slots.keySet().forEach(this::request);
    }

    /** One open document's analyzer and its scheduling state. */
    private static final class Slot {
        final OpenDocument document;
        final DocumentAnalyzer analyzer;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean analyzerClosed = new AtomicBoolean();
        volatile boolean closed; // written only while holding the slot's lock, see retire
        /** The document is out of step with the editor and its diagnostics were cleared (by the one draining task). */
        boolean cleared;

        Slot(OpenDocument document, DocumentAnalyzer analyzer) {
            this.document = document;
            this.analyzer = analyzer;
        }

        /** Both the last drain and retire may get here; the parser must be freed exactly once. */
        void closeAnalyzer() {
            if (analyzerClosed.compareAndSet(false, true)) {
                analyzer.close();
            }
        }
    }

    void opened(OpenDocument document) {
        Slot old = slots.put(document.uri(), new Slot(document, analyzers.get()));
        if (old != null) {
            retire(old);
        }
        request(document.uri());
    }

    void closed(String uri) {
        Slot slot = slots.remove(uri);
        if (slot != null) {
            retire(slot);
        }
    }

    /** Asks for every open document but {@code uri} to be analysed again (another file of their configuration changed). */
    void requestOthers(String uri) {
        slots.keySet().stream().filter(u -> !u.equals(uri)).forEach(this::request);
    }

    /** Asks for the document to be analysed at its newest version. */
    void request(String uri) {
        Slot slot = slots.get(uri);
        if (slot == null) {
            return;
        }
        slot.dirty.set(true);
        if (slot.running.compareAndSet(false, true)) {
            pool.execute(() -> drain(slot));
        }
    }

    private void drain(Slot slot) {
        try {
            while (slot.dirty.getAndSet(false) && !slot.closed) {
                analyzeOnce(slot);
            }
        } finally {
            slot.running.set(false);
            if (slot.closed) {
                slot.closeAnalyzer();
            } else if (slot.dirty.get() && slot.running.compareAndSet(false, true)) {
                pool.execute(() -> drain(slot)); // a request arrived between the loop and the release
            }
        }
    }

    private void analyzeOnce(Slot slot) {
        try {
            if (!slot.document.inStep()) {
                // the editor's text is unknown: nothing is published but the clearing of what was
                if (slot.cleared) {
                    return;
                }
                slot.cleared = true;
                publishIfCurrent(slot, new AnalysisResult(slot.document.uri(), slot.document.version(), rxlsp.text.LineIndex.of(""), java.util.List.of()));
                return;
            }
            slot.cleared = false;
            var snapshot = slot.document.takeSnapshot();
            rxlsp.mcl.Dialect d = dialect.get();
            AnalysisResult result = slot.analyzer.analyze(snapshot, d, catalogs.apply(d));
            slot.document.adoptLines(snapshot.text(), result.lines());
            if (slot.document.inStep()) {
                publishIfCurrent(slot, result);
            }
        } catch (Throwable t) { // an analysis bug must not take the server (or other documents) down
            logError.accept("rx-lsp: analysis of " + slot.document.uri() + " failed: " + t);
        }
    }

    private void publishIfCurrent(Slot slot, AnalysisResult result) {
        synchronized (slot) { // so that no result is published after retire returned (didClose clears right after)
            if (!slot.closed && slot.document.version() == result.version() && !slot.dirty.get()) {
                publish.accept(result);
            }
        }
    }

    /** After this returns, the slot publishes nothing more. */
    private void retire(Slot slot) {
        synchronized (slot) {
            slot.closed = true;
        }
        if (slot.running.compareAndSet(false, true)) {
            slot.closeAnalyzer();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
