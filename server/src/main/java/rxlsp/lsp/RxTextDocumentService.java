package rxlsp.lsp;

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
        server.scheduler().request(uri);
        server.scheduler().requestOthers(uri); // the configuration the others belong to may have changed
    }
}
