package rxlsp.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server process of a benchmark, as an editor runs it: started, initialized (UTF-16 positions),
 * one Nix document opened and its first diagnostics awaited; shut down and exited at the end.
 */
final class LspSession implements AutoCloseable {
    final Process process;
    final ReparseLatency.Client client;
    final LanguageServer server;

    private LspSession(Process process, LanguageServer server, ReparseLatency.Client client) {
        this.process = process;
        this.server = server;
        this.client = client;
    }

    static LspSession open(String command, String uri, String text) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ReparseLatency.Client client = new ReparseLatency.Client();
        var launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        LspSession session = new LspSession(process, launcher.getRemoteProxy(), client);
        InitializeParams init = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        GeneralClientCapabilities general = new GeneralClientCapabilities();
        general.setPositionEncodings(List.of("utf-16"));
        caps.setGeneral(general);
        init.setCapabilities(caps);
        session.server.initialize(init).get(60, TimeUnit.SECONDS);
        session.server.initialized(new InitializedParams());
        session.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nix", 1, text)));
        client.await(1);
        return session;
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
