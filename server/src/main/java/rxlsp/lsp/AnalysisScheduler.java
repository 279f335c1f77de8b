package rxlsp.lsp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.analysis.DocumentModel;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.workspace.OpenDocument;

/**
 * Runs document analysis off the protocol thread and keeps each open document's newest
 * {@link DocumentModel}. Each document is analysed by at most one task at a time, and a request made
 * while one runs only marks the document dirty, so a burst of edits costs one extra analysis, not one
 * per keystroke. A model whose version is no longer the document's is never published. Requests
 * (hover, definition, …) wait for the model of the version they were made at; as soon as a newer
 * edit arrives, they fail with {@link ContentModified} (their positions are of a text that is gone),
 * without waiting for the analysis of the newer text: an editor that types fast gets its answer, or
 * the word to ask again, at once.
 */
final class AnalysisScheduler implements AutoCloseable {
    private final ExecutorService pool;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Consumer<DocumentModel> publish;
    /** Publishes no diagnostics for a document (one whose text the server no longer knows). */
    private final Consumer<String> clear;
    private final Consumer<String> logError;
    private final Supplier<rxlsp.analysis.DialectChoice> dialect;
    private final Supplier<DocumentAnalyzer> analyzers;
    private final Function<Dialect, Catalog> catalogs;

    /** The document moved on before the version a request named was analysed. */
    static final class ContentModified extends RuntimeException {
        ContentModified(String uri, int version) {
            super(uri + " changed after version " + version + " was asked for", null, false, false);
        }
    }

    /** @param dialect the MCL dialect for the next analysis, or a choice per program (the user's setting, read each time) */
    AnalysisScheduler(int threads, Consumer<DocumentModel> publish, Consumer<String> clear, Consumer<String> logError,
                      Supplier<rxlsp.analysis.DialectChoice> dialect, Supplier<DocumentAnalyzer> analyzers, Function<Dialect, Catalog> catalogs) {
        this.clear = clear;
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

    /** A request waiting for the model of one version. */
    private record Waiter(int version, CompletableFuture<DocumentModel> future) {
    }

    /** One open document's analyzer, its scheduling state, its newest model and the requests waiting. */
    private static final class Slot {
        final OpenDocument document;
        final DocumentAnalyzer analyzer;
        final AtomicBoolean running = new AtomicBoolean();
        final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean analyzerClosed = new AtomicBoolean();
        volatile boolean closed; // written only while holding the slot's lock, see retire
        /** The document is out of step with the editor and its diagnostics were cleared (by the one draining task). */
        boolean cleared;
        volatile DocumentModel latest;
        /** What was last published: the same diagnostics for the same version are not sent twice. */
        DocumentModel published; // guarded by the slot's lock
        final List<Waiter> waiters = new ArrayList<>(); // guarded by the slot's lock

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

    /**
     * Asks for every open document to be analysed again and published even when its diagnostics did
     * not change: after a settings change, which may change what is published of the same model (the
     * diagnostics scope, rx-lsp.toml's policy).
     */
    void requestAll() {
        slots.values().forEach(slot -> {
            synchronized (slot) {
                slot.published = null;
            }
        });
        slots.keySet().forEach(this::request);
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

    /** Asks for the document to be analysed at its newest version (nothing once the scheduler is closed). */
    void request(String uri) {
        Slot slot = slots.get(uri);
        if (slot == null || pool.isShutdown()) {
            return;
        }
        slot.dirty.set(true);
        slot.analyzer.cancelRefinement(); // a refinement under way is of a text that is gone
        overtaken(slot);
        if (slot.running.compareAndSet(false, true)) {
            try {
                pool.execute(() -> drain(slot));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                slot.running.set(false); // shut down between the check and now: nothing is to be analysed any more
            }
        }
    }

    /** Fails the requests made at versions older than the document's newest. */
    private static void overtaken(Slot slot) {
        int now = slot.document.version();
        synchronized (slot) {
            for (Iterator<Waiter> it = slot.waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.version() < now) {
                    w.future().completeExceptionally(new ContentModified(slot.document.uri(), w.version()));
                    it.remove();
                }
            }
        }
    }

    /**
     * The model of {@code version} of an open document: at once when it is the newest, else when its
     * analysis finishes. Empty when the document is not open.
     */
    Optional<CompletableFuture<DocumentModel>> model(String uri, int version) {
        Slot slot = slots.get(uri);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            DocumentModel m = slot.latest;
            if (m != null && m.version() == version) {
                return Optional.of(CompletableFuture.completedFuture(m));
            }
            CompletableFuture<DocumentModel> f = new CompletableFuture<>();
            if (slot.closed || (m != null && m.version() > version) || slot.document.version() > version) {
                f.completeExceptionally(new ContentModified(uri, version));
            } else {
                slot.waiters.add(new Waiter(version, f));
            }
            return Optional.of(f);
        }
    }

    /** The newest model of every open document. */
    List<DocumentModel> models() {
        List<DocumentModel> out = new ArrayList<>();
        slots.values().forEach(s -> {
            DocumentModel m = s.latest;
            if (m != null) {
                out.add(m);
            }
        });
        return out;
    }

    private void drain(Slot slot) {
        try {
            while (true) {
                while (slot.dirty.getAndSet(false) && !slot.closed) {
                    analyzeOnce(slot);
                }
                // an approximate tree (a big document's syntax error) is made exact while no edit waits;
                // request() cancels it when one comes
                if (slot.closed || !slot.analyzer.refine(() -> slot.dirty.get() || slot.closed)) {
                    break;
                }
                slot.dirty.set(true); // the same version again, from the exact tree
            }
        } finally {
            slot.running.set(false);
            if (slot.closed) {
                slot.closeAnalyzer();
            } else if (slot.dirty.get() && !pool.isShutdown() && slot.running.compareAndSet(false, true)) {
                try {
                    pool.execute(() -> drain(slot)); // a request arrived between the loop and the release
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    slot.running.set(false);
                }
            }
        }
    }

    private void analyzeOnce(Slot slot) {
        if (!slot.document.inStep()) {
            // the editor's text is unknown: nothing is published but the clearing of what was, and
            // the requests waiting are about a text the server does not have
            synchronized (slot) {
                slot.waiters.forEach(w -> w.future().completeExceptionally(new ContentModified(slot.document.uri(), w.version())));
                slot.waiters.clear();
                if (!slot.cleared && !slot.closed) {
                    clear.accept(slot.document.uri());
                    slot.cleared = true;
                    slot.published = null;
                }
            }
            return;
        }
        slot.cleared = false;
        var snapshot = slot.document.takeSnapshot();
        try {
            DocumentModel model = slot.analyzer.analyze(snapshot, dialect.get(), catalogs);
            slot.document.adoptLines(snapshot.text(), model.lines());
            DocumentModel previous = slot.latest;
            synchronized (slot) { // so that no result is published after retire returned (didClose clears right after)
                slot.latest = model;
                settle(slot, model.version(), model, null);
                if (!slot.closed && slot.document.version() == model.version() && !slot.dirty.get() && slot.document.inStep()
                        && !samePublication(slot.published, model)) {
                    publish.accept(model);
                    slot.published = model;
                }
            }
            if (model.configuration() != null && (previous == null || previous.configuration() != model.configuration())) {
                requestConfigurationPeers(slot, model);
            }
        } catch (Throwable t) { // an analysis bug must not take the server (or other documents) down
            logError.accept("rx-lsp: analysis of " + slot.document.uri() + " failed: " + t);
            synchronized (slot) {
                settle(slot, snapshot.version(), null, t);
            }
        }
    }

    /** A re-analysis (another file of the configuration changed) that found what was already published. */
    private static boolean samePublication(DocumentModel published, DocumentModel model) {
        return published != null && published.version() == model.version()
                && published.diagnostics().equals(model.diagnostics());
    }

    /**
     * After a document's configuration was analysed anew, the other open files of that configuration
     * are published again; their analysis reuses the configuration's new model (it is kept by root).
     */
    private void requestConfigurationPeers(Slot changed, DocumentModel model) {
        var root = model.configuration().root();
        slots.forEach((uri, s) -> {
            DocumentModel m = s.latest;
            if (s != changed && m != null && m.configuration() != null && m.configuration() != model.configuration()
                    && m.configuration().root().equals(root)) {
                request(uri);
            }
        });
    }

    /**
     * Completes the requests an analysis of {@code version} answers: those for that version get the
     * model (or the failure), those for older versions are told the document changed.
     */
    private static void settle(Slot slot, int version, DocumentModel model, Throwable failure) {
        for (Iterator<Waiter> it = slot.waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.version() == version) {
                if (model != null) {
                    w.future().complete(model);
                } else {
                    w.future().completeExceptionally(failure);
                }
                it.remove();
            } else if (w.version() < version) {
                w.future().completeExceptionally(new ContentModified(slot.document.uri(), w.version()));
                it.remove();
            }
        }
    }

    /** After this returns, the slot publishes nothing more and no request waits on it. */
    private void retire(Slot slot) {
        synchronized (slot) {
            slot.closed = true;
            slot.waiters.forEach(w -> w.future().completeExceptionally(new ContentModified(slot.document.uri(), w.version())));
            slot.waiters.clear();
        }
        if (slot.running.compareAndSet(false, true)) {
            slot.closeAnalyzer();
        }
    }

    @Override
    public void close() {
        slots.values().forEach(this::retire);
        pool.shutdownNow();
    }
}
