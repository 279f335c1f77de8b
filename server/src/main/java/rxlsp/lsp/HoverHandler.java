package rxlsp.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import rxlsp.features.Markup;

/** {@code textDocument/hover}: Markdown, or plain text when the client reads only that. */
final class HoverHandler {
    private final RxLanguageServer server;

    HoverHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<Hover> hover(HoverParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) ->
                rxlsp.features.Hover.at(cursor).map(info -> {
                    Hover h = new Hover(content(info.content()));
                    if (info.range() != null) {
                        h.setRange(server.positions().range(model.lines(), info.range()));
                    }
                    return h;
                }).orElse(null), null);
    }

    private MarkupContent content(Markup m) {
        return server.clientSupportsMarkdownHover()
                ? new MarkupContent(MarkupKind.MARKDOWN, m.markdown())
                : new MarkupContent(MarkupKind.PLAINTEXT, m.plain());
    }
}
