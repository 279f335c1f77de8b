package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import rxlsp.features.FoldingRanges;

/** {@code textDocument/foldingRange}: whole lines (what line-only clients use; others fold the same lines). */
final class FoldingRangeHandler {
    private final RxLanguageServer server;

    FoldingRangeHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<FoldingRange>> foldingRanges(FoldingRangeRequestParams params) {
        return server.requests().on(params.getTextDocument().getUri(),
                model -> FoldingRanges.of(model).stream().map(FoldingRangeHandler::convert).toList(), List.of());
    }

    private static FoldingRange convert(FoldingRanges.Fold f) {
        FoldingRange out = new FoldingRange(f.startLine(), f.endLine());
        out.setKind(switch (f.kind()) {
            case REGION -> FoldingRangeKind.Region;
            case COMMENT -> FoldingRangeKind.Comment;
            case IMPORTS -> FoldingRangeKind.Imports;
        });
        return out;
    }
}
