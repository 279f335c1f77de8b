package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import rxlsp.features.DocumentHighlights;
import rxlsp.features.References;

/** {@code textDocument/references} and {@code textDocument/documentHighlight}. */
final class ReferencesHandler {
    private final RxLanguageServer server;

    ReferencesHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declarations = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) ->
                References.at(cursor, declarations).stream()
                        .flatMap(at -> server.locations().location(model, at).stream()).toList(), List.of());
    }

    CompletableFuture<List<? extends DocumentHighlight>> highlights(DocumentHighlightParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) ->
                DocumentHighlights.at(cursor).stream().map(h -> new DocumentHighlight(
                        server.positions().range(model.lines(), h.range()),
                        h.written() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read)).toList(), List.of());
    }
}
