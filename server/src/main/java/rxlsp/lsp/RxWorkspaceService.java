package rxlsp.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: settings changes; file watching is taken by later layers. */
final class RxWorkspaceService implements WorkspaceService {
    private final RxLanguageServer server;

    RxWorkspaceService(RxLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.changeSettings(params.getSettings());
    }

    @Override
    public java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either<java.util.List<? extends org.eclipse.lsp4j.SymbolInformation>, java.util.List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>> symbol(
            org.eclipse.lsp4j.WorkspaceSymbolParams params) {
        return server.symbols().workspaceSymbols(params);
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // files on disk are read on demand; nothing is cached from them yet
    }
}
