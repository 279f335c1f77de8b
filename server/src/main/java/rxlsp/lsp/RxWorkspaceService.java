package rxlsp.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: settings changes, and changes of the project's rx-lsp.toml. */
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
        // files on disk are read on demand; only the project's configuration is kept
        if (params.getChanges().stream().anyMatch(e -> e.getUri().endsWith("/" + rxlsp.config.ProjectConfig.FILE_NAME))) {
            server.refreshProjectConfig();
        }
    }
}
