package rxlsp.lsp;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.services.TextDocumentService;
import rxlsp.text.TextEdit;
import rxlsp.workspace.FileKind;
import rxlsp.workspace.OpenDocument;

/** Document synchronisation: keeps the workspace's open documents current and asks for analysis. */
final class RxTextDocumentService implements TextDocumentService {
    private final RxLanguageServer server;

    RxTextDocumentService(RxLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        if (!server.acceptsNotifications()) {
            return;
        }
        var item = params.getTextDocument();
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
        String uri = params.getTextDocument().getUri();
        var found = server.workspace().get(uri);
        if (found.isEmpty()) {
            return;
        }
        OpenDocument doc = found.get();
        int version = params.getTextDocument().getVersion() == null ? doc.version() + 1 : params.getTextDocument().getVersion();
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            if (change.getRange() == null) {
                doc.replace(change.getText(), version);
            } else {
                var lines = doc.lines();
                int start = server.positions().offset(lines, change.getRange().getStart());
                int end = server.positions().offset(lines, change.getRange().getEnd());
                doc.apply(new TextEdit(start, Math.max(start, end), change.getText()), version);
            }
        }
        server.scheduler().request(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        if (!server.acceptsNotifications()) {
            return;
        }
        String uri = params.getTextDocument().getUri();
        if (server.workspace().close(uri).isPresent()) {
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
        String uri = params.getTextDocument().getUri();
        var found = server.workspace().get(uri);
        if (found.isPresent() && params.getText() != null && !params.getText().equals(found.get().text())) {
            found.get().replace(params.getText(), found.get().version());
        }
        server.refreshProjectConfig();
        server.scheduler().request(uri);
        server.scheduler().requestOthers(uri); // the configuration the others belong to may have changed
    }
}
