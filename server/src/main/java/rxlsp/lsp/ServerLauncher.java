package rxlsp.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
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
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(protocol)
                .setExceptionHandler(ServerLauncher::responseError)
                .create();
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

    /**
     * The error response for a request that threw. lsp4j's service interfaces implement every LSP
     * request rx-lsp does not serve by throwing {@link UnsupportedOperationException}, which lsp4j
     * would answer with an "Internal error" carrying a Java stack trace (and log as SEVERE); such a
     * request is a method this server does not have, so it gets MethodNotFound, like a method lsp4j
     * does not know at all. Other exceptions get lsp4j's default treatment.
     */
    static ResponseError responseError(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof UnsupportedOperationException && thrownByLsp4jDefault(t)) {
            return new ResponseError(ResponseErrorCode.MethodNotFound, "Unsupported request method: rx-lsp does not provide it", null);
        }
        return RemoteEndpoint.DEFAULT_EXCEPTION_HANDLER.apply(thrown);
    }

    /** A default method of an lsp4j service interface, not a bug of ours that happens to throw the same. */
    private static boolean thrownByLsp4jDefault(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.eclipse.lsp4j.services.");
    }
}
