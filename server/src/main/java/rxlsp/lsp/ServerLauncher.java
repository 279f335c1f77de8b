package rxlsp.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server over a pair of streams until the client exits or hangs up. */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    /** @return the process exit status: 0 after shutdown + exit, 1 otherwise */
    public static int serve(InputStream in, OutputStream out) throws Exception {
        RxLanguageServer server = new RxLanguageServer();
        ExecutorService protocol = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rx-lsp-protocol");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out, protocol, null);
        server.connect(launcher.getRemoteProxy());
        CompletableFuture<?> listening = CompletableFuture.runAsync(() -> {
            try {
                launcher.startListening().get();
            } catch (Exception e) {
                // the stream closed or broke: treated as the client going away
            }
        }, protocol);
        Object first = CompletableFuture.anyOf(server.exitCode(), listening).get();
        return first instanceof Integer code ? code : (server.exitCode().isDone() ? server.exitCode().get() : 1);
    }
}
