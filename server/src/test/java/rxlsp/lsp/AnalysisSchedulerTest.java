package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import rxlsp.analysis.DialectChoice;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.analysis.DocumentModel;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.TextEdit;
import rxlsp.workspace.FileKind;
import rxlsp.workspace.OpenDocument;
import rxlsp.workspace.Workspace;

/** Requests wait for the analysis of their version, and give way at once to a newer edit. */
class AnalysisSchedulerTest {
    private static final String URI = "file:///scheduler/a.mcl";

    @Test
    void aRequestFailsAsSoonAsANewerEditArrivesNotWhenItsAnalysisEnds() throws Exception {
        AtomicBoolean hold = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        try (AnalysisScheduler scheduler = new AnalysisScheduler(1, m -> { }, u -> { }, e -> { }, DialectChoice::auto,
                DocumentAnalyzer::new, dialect -> {
                    if (hold.get()) { // the analysis of version 2 stops here until the test lets it go
                        held.countDown();
                        awaitQuietly(release);
                    }
                    return Catalog.builtIn(dialect);
                })) {
            OpenDocument doc = new Workspace().open(URI, FileKind.MCL, 1, "$x = 1\n");
            scheduler.opened(doc);
            assertEquals(1, scheduler.model(URI, 1).orElseThrow().get(20, TimeUnit.SECONDS).version());

            hold.set(true);
            doc.apply(new TextEdit(5, 6, "2"), 2);
            scheduler.request(URI);
            var waiting = scheduler.model(URI, 2).orElseThrow();
            held.await(20, TimeUnit.SECONDS);
            assertFalse(waiting.isDone(), "version 2 is being analysed");

            doc.apply(new TextEdit(5, 6, "3"), 3);
            scheduler.request(URI);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(1, TimeUnit.SECONDS),
                    "the request for version 2 failed while its analysis still ran");
            assertInstanceOf(AnalysisScheduler.ContentModified.class, failed.getCause());
            // a request stamped with a version the document already left fails at once too
            assertThrows(ExecutionException.class, () -> scheduler.model(URI, 2).orElseThrow().get(1, TimeUnit.SECONDS));

            hold.set(false);
            release.countDown();
            DocumentModel newest = scheduler.model(URI, 3).orElseThrow().get(20, TimeUnit.SECONDS);
            assertEquals(3, newest.version());
            assertEquals("$x = 3\n", newest.text());
        }
    }

    /**
     * A keystroke that breaks a big Nix document is answered from an approximate tree at once; when
     * no edit follows, the exact diagnostics (those of a fresh analysis) are published after them.
     */
    @Test
    void aBigDocumentsApproximateDiagnosticsAreReplacedByExactOnes() throws Exception {
        String uri = "file:///scheduler/big.nix";
        // a list of modules longer than the text approximations start at
        String text = "{ lib, ... }:\n{\n  imports = [\n" + "    { services.a.enable = true; x = \"y\"; }\n".repeat(8_000) + "  ];\n}\n";
        java.util.List<DocumentModel> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AnalysisScheduler scheduler = new AnalysisScheduler(1, published::add, u -> { }, e -> { }, DialectChoice::auto,
                DocumentAnalyzer::new, Catalog::builtIn)) {
            OpenDocument doc = new Workspace().open(uri, FileKind.NIX, 1, text);
            scheduler.opened(doc);
            scheduler.model(uri, 1).orElseThrow().get(60, TimeUnit.SECONDS);
            // an unclosed string: Nix reads on to the next quote, tree-sitter recovers over the whole document
            int at = text.indexOf("\"y\"", text.length() / 2);
            doc.apply(new TextEdit(at, at, "\""), 2);
            scheduler.request(uri);
            DocumentModel first = scheduler.model(uri, 2).orElseThrow().get(60, TimeUnit.SECONDS);
            String edited = doc.text();
            java.util.List<rxlsp.text.Diagnostic> exact;
            try (DocumentAnalyzer fresh = new DocumentAnalyzer()) {
                exact = fresh.analyze(new rxlsp.workspace.DocumentSnapshot(uri, FileKind.NIX, 2, edited, null),
                        DialectChoice.auto(), Catalog::builtIn).diagnostics();
            }
            assertFalse(exact.isEmpty());
            assertFalse(exact.equals(first.diagnostics()), "the first answer is the approximation's");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!exact.equals(published.get(published.size() - 1).diagnostics()) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(exact, published.get(published.size() - 1).diagnostics());
            assertEquals(2, published.get(published.size() - 1).version());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
