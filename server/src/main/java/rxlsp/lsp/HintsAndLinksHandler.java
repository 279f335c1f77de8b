package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import rxlsp.features.DocumentLinks;
import rxlsp.features.InlayHints;
import rxlsp.text.TextRange;
import rxlsp.workspace.FileUris;

/** {@code textDocument/inlayHint} (when the {@code inlayHints} setting is on) and {@code textDocument/documentLink}. */
final class HintsAndLinksHandler {
    private final RxLanguageServer server;

    HintsAndLinksHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<InlayHint>> inlayHints(InlayHintParams params) {
        if (!server.inlayHintsOn()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return server.requests().on(params.getTextDocument().getUri(), model -> {
            int start = server.positions().offset(model.lines(), params.getRange().getStart());
            int end = server.positions().offset(model.lines(), params.getRange().getEnd());
            return InlayHints.in(model, new TextRange(Math.min(start, end), Math.max(start, end))).stream().map(h -> {
                InlayHint hint = new InlayHint(server.positions().position(model.lines(), h.offset()), Either.forLeft(h.label()));
                hint.setKind(InlayHintKind.Type);
                return hint;
            }).toList();
        }, List.of());
    }

    CompletableFuture<List<DocumentLink>> links(DocumentLinkParams params) {
        return server.requests().on(params.getTextDocument().getUri(), model -> DocumentLinks.of(model).stream()
                .map(l -> new DocumentLink(server.positions().range(model.lines(), l.range()), FileUris.uriOf(l.target()))).toList(),
                List.of());
    }
}
