package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DeclarationParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TypeDefinitionParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.services.TextDocumentService;
import rxlsp.text.LineIndex;
import rxlsp.text.TextEdit;
import rxlsp.workspace.FileKind;
import rxlsp.workspace.OpenDocument;

/**
 * Document synchronisation (keeps the workspace's open documents current and asks for analysis) and
 * the document requests, each handed to its handler.
 */
final class RxTextDocumentService implements TextDocumentService {
    private final RxLanguageServer server;
    private final HoverHandler hover;
    private final DefinitionHandler definition;
    private final ReferencesHandler references;
    private final RenameHandler rename;
    private final SymbolHandler symbols;
    private final SignatureHelpHandler signatures;
    private final FormattingHandler formatting;
    private final FoldingRangeHandler folding;
    private final SelectionRangeHandler selection;
    private final CompletionHandler completion;
    private final CodeActionHandler codeActions;
    private final SemanticTokensHandler tokens;
    private final HintsAndLinksHandler hintsAndLinks;

    RxTextDocumentService(RxLanguageServer server) {
        this.server = server;
        this.hover = new HoverHandler(server);
        this.definition = new DefinitionHandler(server);
        this.references = new ReferencesHandler(server);
        this.rename = new RenameHandler(server);
        this.symbols = new SymbolHandler(server);
        this.signatures = new SignatureHelpHandler(server);
        this.formatting = new FormattingHandler(server);
        this.folding = new FoldingRangeHandler(server);
        this.selection = new SelectionRangeHandler(server);
        this.completion = new CompletionHandler(server);
        this.codeActions = new CodeActionHandler(server);
        this.tokens = new SemanticTokensHandler(server);
        this.hintsAndLinks = new HintsAndLinksHandler(server);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.InlayHint>> inlayHint(org.eclipse.lsp4j.InlayHintParams params) {
        return hintsAndLinks.inlayHints(params);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.DocumentLink>> documentLink(org.eclipse.lsp4j.DocumentLinkParams params) {
        return hintsAndLinks.links(params);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(org.eclipse.lsp4j.SemanticTokensParams params) {
        return tokens.full(params);
    }

    @Override
    public CompletableFuture<Either<org.eclipse.lsp4j.SemanticTokens, org.eclipse.lsp4j.SemanticTokensDelta>> semanticTokensFullDelta(
            org.eclipse.lsp4j.SemanticTokensDeltaParams params) {
        return tokens.delta(params);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensRange(org.eclipse.lsp4j.SemanticTokensRangeParams params) {
        return tokens.range(params);
    }

    @Override
    public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>> codeAction(
            org.eclipse.lsp4j.CodeActionParams params) {
        return codeActions.codeActions(params);
    }

    @Override
    public CompletableFuture<Either<List<org.eclipse.lsp4j.CompletionItem>, org.eclipse.lsp4j.CompletionList>> completion(
            org.eclipse.lsp4j.CompletionParams params) {
        return completion.completion(params);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.CompletionItem> resolveCompletionItem(org.eclipse.lsp4j.CompletionItem item) {
        return completion.resolve(item);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return hover.hover(params);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return definition.definition(params);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> declaration(DeclarationParams params) {
        return definition.definition(params);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> typeDefinition(TypeDefinitionParams params) {
        return definition.definition(params);
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return references.references(params);
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return references.highlights(params);
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        return rename.prepare(params);
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return rename.rename(params);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return symbols.documentSymbols(params);
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return signatures.signatureHelp(params);
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> formatting(org.eclipse.lsp4j.DocumentFormattingParams params) {
        return formatting.formatting(params);
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> rangeFormatting(
            org.eclipse.lsp4j.DocumentRangeFormattingParams params) {
        return formatting.rangeFormatting(params);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.FoldingRange>> foldingRange(org.eclipse.lsp4j.FoldingRangeRequestParams params) {
        return folding.foldingRanges(params);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.SelectionRange>> selectionRange(org.eclipse.lsp4j.SelectionRangeParams params) {
        return selection.selectionRanges(params);
    }

    SymbolHandler symbols() {
        return symbols;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        if (!server.acceptsNotifications()) {
            return;
        }
        var item = params == null ? null : params.getTextDocument();
        if (item == null || item.getUri() == null || item.getText() == null) {
            server.problem("rx-lsp: ignored textDocument/didOpen without a document, its uri or its text");
            return;
        }
        FileKind kind = FileKind.ofLanguageId(item.getLanguageId())
                .or(() -> FileKind.ofFileName(item.getUri()))
                .orElse(null);
        if (kind == null) {
            return; // not a language rx-lsp serves
        }
        server.refreshProjectConfig(); // cheap: a time stamp, for clients that do not watch files
        OpenDocument doc = server.workspace().open(item.getUri(), kind, item.getVersion(), item.getText());
        server.scheduler().opened(doc);
        if (kind == FileKind.NIX) {
            server.scheduler().requestOthers(item.getUri()); // it may hold a configuration the others belong to
        }
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        if (!server.acceptsNotifications()) {
            return;
        }
        if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null
                || params.getContentChanges() == null) {
            server.problem("rx-lsp: ignored textDocument/didChange without a document, its uri or its changes");
            return;
        }
        String uri = params.getTextDocument().getUri();
        var found = server.workspace().get(uri);
        if (found.isEmpty()) {
            return;
        }
        OpenDocument doc = found.get();
        Integer sent = params.getTextDocument().getVersion();
        int version = sent == null ? doc.version() + 1 : sent;
        if (sent != null && sent < doc.version()) {
            server.changeLost(uri, "version " + sent + " came after version " + doc.version());
            return;
        }
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            if (change == null || change.getText() == null) {
                server.changeLost(uri, "a change without text");
                return;
            }
            if (change.getRange() == null) {
                doc.replace(change.getText(), version);
                continue;
            }
            if (!doc.inStep()) {
                continue; // only a whole text brings it back in step
            }
            var lines = doc.lines();
            Range range = change.getRange();
            if (!inside(range.getStart(), lines) || !inside(range.getEnd(), lines)) {
                server.changeLost(uri, "a change at " + show(range) + ", outside its " + lines.lineCount() + " lines");
                return;
            }
            int start = server.positions().offset(lines, range.getStart());
            int end = server.positions().offset(lines, range.getEnd());
            if (end < start) {
                server.changeLost(uri, "a change whose range ends before it starts: " + show(range));
                return;
            }
            doc.apply(new TextEdit(start, end, change.getText()), version);
        }
        server.scheduler().request(uri);
    }

    /**
     * Whether a position can be in the text: a line of it, or the line just past the last one (a
     * client's way of saying "the end"); a column past the line's end is the line's end, as LSP says.
     */
    private static boolean inside(Position p, LineIndex lines) {
        return p != null && p.getLine() >= 0 && p.getCharacter() >= 0 && p.getLine() <= lines.lineCount();
    }

    private static String show(Range r) {
        return (r.getStart() == null ? "?" : r.getStart().getLine() + ":" + r.getStart().getCharacter()) + "-"
                + (r.getEnd() == null ? "?" : r.getEnd().getLine() + ":" + r.getEnd().getCharacter());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (!server.acceptsNotifications()) {
            return;
        }
        if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
            server.problem("rx-lsp: ignored textDocument/didClose without a document or its uri");
            return;
        }
        String uri = params.getTextDocument().getUri();
        if (server.workspace().close(uri).isPresent()) {
            tokens.forget(uri);
            server.scheduler().closed(uri);
            server.clearDiagnostics(uri);
            server.scheduler().requestOthers(uri); // the others now see the file as it is on disk
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        if (!server.acceptsNotifications()) {
            return;
        }
        if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
            server.problem("rx-lsp: ignored textDocument/didSave without a document or its uri");
            return;
        }
        String uri = params.getTextDocument().getUri();
        var found = server.workspace().get(uri);
        if (found.isPresent() && params.getText() != null
                && (!found.get().inStep() || !params.getText().equals(found.get().text()))) {
            found.get().replace(params.getText(), found.get().version());
        }
        server.refreshProjectConfig();
        server.scheduler().request(uri);
        server.scheduler().requestOthers(uri); // the configuration the others belong to may have changed
    }
}
