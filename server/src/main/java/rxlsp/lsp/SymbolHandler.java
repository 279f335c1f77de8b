package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import rxlsp.analysis.DocumentModel;
import rxlsp.features.DocumentSymbols;
import rxlsp.features.WorkspaceSymbols;

/** {@code textDocument/documentSymbol} (hierarchical) and {@code workspace/symbol}. */
final class SymbolHandler {
    private final RxLanguageServer server;

    SymbolHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbols(DocumentSymbolParams params) {
        return server.requests().on(params.getTextDocument().getUri(), model ->
                DocumentSymbols.of(model).stream().map(s -> Either.<SymbolInformation, DocumentSymbol>forRight(convert(model, s))).toList(),
                List.of());
    }

    private DocumentSymbol convert(DocumentModel model, DocumentSymbols.Symbol s) {
        DocumentSymbol out = new DocumentSymbol(s.name(), kind(s.kind()),
                server.positions().range(model.lines(), s.range()), server.positions().range(model.lines(), s.selection()));
        if (!s.detail().isEmpty()) {
            out.setDetail(s.detail());
        }
        out.setChildren(s.children().stream().map(c -> convert(model, c)).toList());
        return out;
    }

    static SymbolKind kind(DocumentSymbols.Kind k) {
        return switch (k) {
            case ATTRIBUTE -> SymbolKind.Field;
            case BINDING, VARIABLE -> SymbolKind.Variable;
            case RESOURCE -> SymbolKind.Object;
            case CLASS -> SymbolKind.Class;
            case FUNCTION -> SymbolKind.Function;
            case IMPORT -> SymbolKind.Module;
        };
    }

    CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> workspaceSymbols(WorkspaceSymbolParams params) {
        return CompletableFuture.supplyAsync(() -> {
            List<DocumentModel> models = server.scheduler().models();
            List<WorkspaceSymbol> out = new java.util.ArrayList<>();
            for (WorkspaceSymbols.Found f : WorkspaceSymbols.matching(params.getQuery() == null ? "" : params.getQuery(), models)) {
                server.locations().location(owner(models, f), f.location()).ifPresent(loc -> {
                    WorkspaceSymbol w = new WorkspaceSymbol(f.name(), kind(f.kind()),
                            Either.<Location, org.eclipse.lsp4j.WorkspaceSymbolLocation>forLeft(loc));
                    w.setContainerName(f.container());
                    out.add(w);
                });
            }
            return Either.forRight(out);
        });
    }

    /** A model whose analysis read the symbol's file (for its lines). */
    private static DocumentModel owner(List<DocumentModel> models, WorkspaceSymbols.Found f) {
        for (DocumentModel m : models) {
            if (m.path().equals(f.location().file())
                    || m.configuration() != null && m.configuration().textOf(f.location().file()).isPresent()) {
                return m;
            }
        }
        return models.get(0);
    }
}
