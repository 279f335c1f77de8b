package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.TextEdit;
import rxlsp.analysis.DocumentModel;
import rxlsp.features.Formatting;
import rxlsp.text.TextRange;

/** {@code textDocument/formatting} and {@code textDocument/rangeFormatting}: MCL as mgmt fmt prints it. */
final class FormattingHandler {
    private final RxLanguageServer server;

    FormattingHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return server.requests().on(params.getTextDocument().getUri(),
                model -> convert(model, Formatting.document(model, server.mclDialect())), List.of());
    }

    CompletableFuture<List<? extends TextEdit>> rangeFormatting(DocumentRangeFormattingParams params) {
        return server.requests().on(params.getTextDocument().getUri(), model -> {
            if (params.getRange() == null) {
                return List.of();
            }
            int a = server.positions().offset(model.lines(), params.getRange().getStart());
            int b = server.positions().offset(model.lines(), params.getRange().getEnd());
            return convert(model, Formatting.range(model, new TextRange(Math.min(a, b), Math.max(a, b)), server.mclDialect()));
        }, List.of());
    }

    private List<TextEdit> convert(DocumentModel model, List<rxlsp.text.TextEdit> edits) {
        return edits.stream().map(e -> new TextEdit(server.positions().range(model.lines(), new TextRange(e.start(), e.end())),
                e.newText())).toList();
    }
}
