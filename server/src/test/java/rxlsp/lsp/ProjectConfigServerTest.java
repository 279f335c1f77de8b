package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server reads the workspace's rx-lsp.toml, asks the client to watch it, and applies a change at once. */
class ProjectConfigServerTest {
    @TempDir
    Path dir;

    /** A client that records what the server sends. */
    static final class Recorder implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
        final BlockingQueue<String> log = new LinkedBlockingQueue<>();
        final List<RegistrationParams> registrations = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            diagnostics.add(p);
        }

        @Override
        public void showMessage(MessageParams p) {
            log.add(p.getMessage());
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams p) {
            log.add(p.getMessage());
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registrations.add(params);
            return CompletableFuture.completedFuture(null);
        }

        PublishDiagnosticsParams next() throws InterruptedException {
            PublishDiagnosticsParams p = diagnostics.poll(20, TimeUnit.SECONDS);
            assertTrue(p != null, "no diagnostics published");
            return p;
        }
    }

    @Test
    void theConfigurationAppliesAndChangesApplyAtOnce() throws Exception {
        Path config = dir.resolve("rx-lsp.toml");
        Files.writeString(config, "[severity]\nnix-undefined-variable = \"warning\"\n");
        RxLanguageServer server = new RxLanguageServer();
        Recorder client = new Recorder();
        server.connect(client);
        InitializeParams init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "w")));
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(ws);
        init.setCapabilities(caps);
        server.initialize(init).get();
        server.initialized(new InitializedParams());
        assertEquals("**/rx-lsp.toml", ((org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions) client.registrations.getFirst()
                .getRegistrations().getFirst().getRegisterOptions()).getWatchers().getFirst().getGlobPattern().getLeft());

        String uri = dir.resolve("m.nix").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nix", 1, "{\n  a = x;\n  b = y;\n}\n")));
        PublishDiagnosticsParams first = client.next();
        assertEquals(2, first.getDiagnostics().size());
        first.getDiagnostics().forEach(d -> assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Warning, d.getSeverity()));

        Files.writeString(config, "diagnostics-scope = \"embedded\"\n");
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
        assertEquals(List.of(), client.next().getDiagnostics(), "only MCL and rx.nix findings in .nix files now");

        Files.writeString(config, "diagnostics-scop = \"all\"\n");
        server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
        String logged = client.log.poll(20, TimeUnit.SECONDS);
        assertTrue(logged != null && logged.contains("rx-lsp.toml:1: `diagnostics-scop`: unknown key"), logged);
        server.shutdown().get();
    }
}
