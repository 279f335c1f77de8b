package rxlsp.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.Locator;
import rxlsp.features.SelectionRanges;
import rxlsp.text.TextRange;

/** {@code textDocument/selectionRange}: for each position, the chain of ranges "expand selection" grows through. */
final class SelectionRangeHandler {
    private final RxLanguageServer server;

    SelectionRangeHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<SelectionRange>> selectionRanges(SelectionRangeParams params) {
        return server.requests().on(params.getTextDocument().getUri(), model -> {
            List<SelectionRange> out = new ArrayList<>();
            for (Position p : params.getPositions() == null ? List.<Position>of() : params.getPositions()) {
                int offset = server.positions().offset(model.lines(), new Position(Math.max(0, p.getLine()), Math.max(0, p.getCharacter())));
                out.add(convert(model, offset, SelectionRanges.at(Locator.at(model, offset))));
            }
            return out;
        }, List.of());
    }

    /** Linked from the outermost inwards; a position with no range at all gets the empty range at itself. */
    private SelectionRange convert(DocumentModel model, int offset, List<TextRange> ranges) {
        if (ranges.isEmpty()) {
            return new SelectionRange(server.positions().range(model.lines(), TextRange.at(offset)), null);
        }
        SelectionRange parent = null;
        for (int i = ranges.size() - 1; i >= 0; i--) {
            parent = new SelectionRange(server.positions().range(model.lines(), ranges.get(i)), parent);
        }
        return parent;
    }
}
