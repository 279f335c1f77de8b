package rxlsp.lsp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import rxlsp.analysis.DocumentModel;
import rxlsp.features.CodeActions;
import rxlsp.text.TextRange;
import rxlsp.workspace.FileUris;

/**
 * {@code textDocument/codeAction}: quick fixes for the diagnostics in the range and the raw-block
 * refactorings, each with its workspace edit (a file an action creates goes in as a create operation
 * followed by its text, for clients that accept resource operations).
 */
final class CodeActionHandler {
    private final RxLanguageServer server;

    CodeActionHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<List<Either<Command, CodeAction>>> codeActions(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return server.requests().on(uri, model -> {
            int start = server.positions().offset(model.lines(), params.getRange().getStart());
            int end = server.positions().offset(model.lines(), params.getRange().getEnd());
            var options = new CodeActions.Options(server.clientCreatesFiles(), Files::exists);
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            for (CodeActions.Action a : CodeActions.at(model, new TextRange(Math.min(start, end), Math.max(start, end)), options)) {
                if (wanted(params, a)) {
                    out.add(Either.forRight(convert(model, a)));
                }
            }
            return out;
        }, List.of());
    }

    /** The kinds the client asked for ({@code context.only}), all when it did not say. */
    private static boolean wanted(CodeActionParams params, CodeActions.Action a) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        return only == null || only.isEmpty() || only.stream().anyMatch(k -> kind(a).startsWith(k));
    }

    private static String kind(CodeActions.Action a) {
        return switch (a.kind()) {
            case QUICK_FIX -> CodeActionKind.QuickFix;
            case REFACTOR_EXTRACT -> CodeActionKind.RefactorExtract;
            case REFACTOR_INLINE -> CodeActionKind.RefactorInline;
        };
    }

    private CodeAction convert(DocumentModel model, CodeActions.Action a) {
        CodeAction action = new CodeAction(a.title());
        action.setKind(kind(a));
        if (a.preferred()) {
            action.setIsPreferred(true);
        }
        if (a.fixes() != null) {
            action.setDiagnostics(rxlsp.lsp.DiagnosticConverter.convert(
                    withDiagnostics(model, List.of(a.fixes())), server.positions(), server.locations()));
        }
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        a.edits().forEach((file, edits) -> server.locations().lines(model, file).ifPresent(lines -> changes.put(FileUris.uriOf(file),
                edits.stream().map(e -> new TextEdit(server.positions().range(lines, new TextRange(e.start(), e.end())), e.newText())).toList())));
        if (a.creates().isEmpty()) {
            action.setEdit(new WorkspaceEdit(changes));
        } else {
            List<Either<TextDocumentEdit, ResourceOperation>> steps = new ArrayList<>();
            a.creates().forEach((Path file, String text) -> {
                String created = FileUris.uriOf(file);
                steps.add(Either.forRight(new CreateFile(created)));
                steps.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(created, null),
                        List.of(Either.forLeft(new TextEdit(new Range(new Position(0, 0), new Position(0, 0)), text))))));
            });
            changes.forEach((uri, edits) -> steps.add(Either.forLeft(new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(uri, uri.equals(model.uri()) ? model.version() : null),
                    edits.stream().<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>>map(Either::forLeft).toList()))));
            action.setEdit(new WorkspaceEdit(steps));
        }
        return action;
    }

    /** The model with only the given diagnostics, to convert them as they were published. */
    private static DocumentModel withDiagnostics(DocumentModel m, List<rxlsp.text.Diagnostic> diagnostics) {
        return new DocumentModel(m.uri(), m.version(), m.kind(), m.path(), m.text(), m.lines(), m.nix(), m.scan(),
                m.configuration(), m.standalone(), diagnostics, m.nixNamesOnDemand());
    }
}
