package rxlsp.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import rxlsp.features.Rename;
import rxlsp.workspace.FileUris;

/** {@code textDocument/prepareRename} and {@code textDocument/rename}; a refusal is an error response with the reason. */
final class RenameHandler {
    private final RxLanguageServer server;

    RenameHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepare(PrepareRenameParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) ->
                Rename.prepare(cursor).map(answer -> switch (answer) {
                    case Rename.Target t -> Either3.<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
                            new PrepareRenameResult(server.positions().range(model.lines(), t.range()), t.placeholder()));
                    case Rename.Refused r -> throw refusal(r);
                    default -> throw new IllegalStateException(answer.toString());
                }).orElse(null), null);
    }

    CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) -> {
            Rename.Outcome outcome = Rename.rename(cursor, params.getNewName() == null ? "" : params.getNewName(),
                    server.workspace()::inWorkspace);
            if (outcome instanceof Rename.Refused r) {
                throw refusal(r);
            }
            Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
            ((Rename.Edits) outcome).edits().forEach((file, edits) -> {
                var lines = server.locations().lines(model, file).orElseThrow(() -> refusal(new Rename.Refused("cannot read " + file)));
                List<TextEdit> out = new ArrayList<>();
                edits.forEach(e -> out.add(new TextEdit(server.locations().range(lines, new rxlsp.text.TextRange(e.start(), e.end())), e.newText())));
                changes.put(FileUris.uriOf(file), out);
            });
            return new WorkspaceEdit(changes);
        }, null);
    }

    private static ResponseErrorException refusal(Rename.Refused r) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, r.reason(), null));
    }
}
