package rxlsp.lsp;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.Locator;

/**
 * How a request about a document is answered: from the model of the version the document had when
 * the request arrived (waiting for its analysis if an edit is in flight), on a thread of its own so
 * that the protocol thread keeps reading. A request for a document that is not open gets the empty
 * answer; one the document's newer edits overtook gets {@code ContentModified} (-32801), which
 * clients retry; a cancelled one stops waiting.
 */
final class Requests implements AutoCloseable {
    /** LSP's code for "the document changed while the request waited". */
    static final int CONTENT_MODIFIED = -32801;

    private final RxLanguageServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(null, r, "rx-lsp-requests", 16L << 20);
        t.setDaemon(true);
        return t;
    });

    Requests(RxLanguageServer server) {
        this.server = server;
    }

    /** An answer about the document's model as a whole. */
    <T> CompletableFuture<T> on(String uri, Function<DocumentModel, T> answer, T empty) {
        Optional<CompletableFuture<DocumentModel>> model = server.workspace().get(uri)
                .flatMap(doc -> server.scheduler().model(uri, doc.version()));
        if (model.isEmpty()) {
            return CompletableFuture.completedFuture(empty);
        }
        return model.get().thenApplyAsync(answer, pool).exceptionally(Requests::rethrow);
    }

    /** An answer about what is at a position (converted with the model's own line index). */
    <T> CompletableFuture<T> at(String uri, Position position, BiFunction<Cursor, DocumentModel, T> answer, T empty) {
        return on(uri, model -> {
            int offset = server.positions().offset(model.lines(), clamp(position));
            return answer.apply(Locator.at(model, offset), model);
        }, empty);
    }

    /** Positions beyond {@code int} or negative: clamped to the document, never an exception. */
    private static Position clamp(Position p) {
        return p == null ? new Position(0, 0) : new Position(Math.max(0, p.getLine()), Math.max(0, p.getCharacter()));
    }

    private static <T> T rethrow(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof AnalysisScheduler.ContentModified) {
            throw new ResponseErrorException(new ResponseError(CONTENT_MODIFIED, "the document changed; ask again", null));
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        throw new CompletionException(cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
