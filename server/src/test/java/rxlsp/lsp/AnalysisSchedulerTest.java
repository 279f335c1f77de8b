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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
