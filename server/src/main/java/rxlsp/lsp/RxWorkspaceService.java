package rxlsp.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications; settings and file watching are taken by later layers. */
final class RxWorkspaceService implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // no settings yet: the MCL dialect setting arrives with the MCL front end
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // files on disk are read on demand; nothing is cached from them yet
    }
}
