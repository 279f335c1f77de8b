package rxlsp.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams until the client exits or hangs up. lsp4j carries
 * the messages, with rx-lsp's own reader in front ({@link IncomingMessages}: bad frames and bad JSON
 * get JSON-RPC's error answers and never desynchronise the stream), LSP's lifecycle rules for every
 * request ({@link GuardedEndpoint}), validation of what the client sends against lsp4j's types, and one rate-limited
 * line on stderr per problem ({@link ProblemLog}) instead of java.util.logging's stack traces.
 */
public final class ServerLauncher {
    private ServerLauncher() {
    }

    /** @return the process exit status: 0 after shutdown + exit, 1 otherwise */
    public static int serve(InputStream in, OutputStream out) throws Exception {
        return serve(in, out, System.err);
    }

    static int serve(InputStream in, OutputStream out, PrintStream err) throws Exception {
        ProblemLog log = new ProblemLog(err);
        log.takeOverJavaLogging();
        RxLanguageServer server = new RxLanguageServer(log);
        ExecutorService protocol = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rx-lsp-protocol");
            t.setDaemon(true);
            return t;
        });
        Builder builder = new Builder(server, log);
        builder.setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(protocol)
                .setExceptionHandler(thrown -> responseError(thrown, log));
        Launcher<LanguageClient> launcher = builder.create();
        server.connect(launcher.getRemoteProxy());
        CompletableFuture<?> listening = CompletableFuture.runAsync(() -> {
            try {
                launcher.startListening().get();
            } catch (Exception e) {
                // the stream closed or broke: treated as the client going away
            }
        }, protocol);
        Object first = CompletableFuture.anyOf(server.exitCode(), listening).get();
        String fatal = builder.incoming.fatalProblem();
        if (fatal != null) {
            log.problem("rx-lsp: exiting: " + fatal);
        }
        log.flush();
        return first instanceof Integer code ? code : (server.exitCode().isDone() ? server.exitCode().get() : 1);
    }

    /** lsp4j's launcher, built with rx-lsp's reader and endpoint in place of lsp4j's. */
    private static final class Builder extends LSPLauncher.Builder<LanguageClient> {
        private final RxLanguageServer server;
        private final ProblemLog log;
        /** The outgoing stream: what the server writes is not validated again (it costs per diagnostic). */
        private MessageConsumer outgoing;
        IncomingMessages incoming;

        Builder(RxLanguageServer server, ProblemLog log) {
            this.server = server;
            this.log = log;
        }

        @Override
        public Launcher<LanguageClient> create() {
            MessageJsonHandler json = createJsonHandler();
            RemoteEndpoint endpoint = createRemoteEndpoint(json);
            LanguageClient client = createProxy(endpoint);
            incoming = new IncomingMessages(input, json, outgoing, log, server::changeLost);
            // what the client sends is checked against lsp4j's types (@NonNull members) before it is handled
            MessageConsumer validated = new ReflectiveMessageValidator(endpoint);
            ConcurrentMessageProcessor processor = createMessageProcessor(incoming, validated, client);
            return createLauncher(executorService, client, endpoint, processor);
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler json) {
            outgoing = new StreamMessageConsumer(output, json);
            Endpoint local = ServiceEndpoints.toEndpoint(localServices);
            GuardedEndpoint endpoint = GuardedEndpoint.create(outgoing, local, exceptionHandler,
                    server::initializeReceived, server::shutdownRequested);
            json.setMethodProvider(endpoint);
            endpoint.setJsonHandler(json);
            return endpoint;
        }
    }

    /**
     * The error response for a request that threw. lsp4j's service interfaces implement every LSP
     * request rx-lsp does not serve by throwing {@link UnsupportedOperationException}, which lsp4j
     * would answer with an "Internal error" carrying a Java stack trace (and log as SEVERE); such a
     * request is a method this server does not have, so it gets MethodNotFound, like a method lsp4j
     * does not know at all. Any other exception is a bug of ours: InternalError with its message,
     * one line on stderr, and no stack trace in either.
     */
    static ResponseError responseError(Throwable thrown, ProblemLog log) {
        Throwable t = thrown;
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof InvocationTargetException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ResponseErrorException e) {
            return e.getResponseError();
        }
        if (t instanceof UnsupportedOperationException && thrownByLsp4jDefault(t)) {
            return new ResponseError(ResponseErrorCode.MethodNotFound, "Unsupported request method: rx-lsp does not provide it", null);
        }
        log.problem("rx-lsp: a request failed: " + t);
        return new ResponseError(ResponseErrorCode.InternalError, "Internal error: " + t, null);
    }

    /** A default method of an lsp4j service interface, not a bug of ours that happens to throw the same. */
    private static boolean thrownByLsp4jDefault(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.eclipse.lsp4j.services.");
    }
}
