package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import rxlsp.features.GoToDefinition;

/**
 * {@code textDocument/definition}, {@code declaration} and {@code typeDefinition}: one answer for
 * all three (MCL and Nix declare where they define; MCL types have no declarations of their own).
 */
final class DefinitionHandler {
    private final RxLanguageServer server;

    DefinitionHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(TextDocumentPositionParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) -> {
            List<Location> out = GoToDefinition.at(cursor).stream()
                    .flatMap(at -> server.locations().location(model, at).stream()).toList();
            return Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(out);
        }, Either.forLeft(List.of()));
    }
}
