package rxlsp.lsp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.CancelParams;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * lsp4j's endpoint with LSP's lifecycle rules applied to every request, whatever its method:
 * before {@code initialize}, a request gets {@code -32002} (ServerNotInitialized); after
 * {@code shutdown}, {@code -32600}. A {@code $/cancelRequest} for a request that is not running
 * (already answered, or never sent) is ignored quietly: a cancellation racing the answer is normal.
 */
final class GuardedEndpoint extends RemoteEndpoint {
    static final String INITIALIZE = "initialize";
    private static final String CANCEL = "$/cancelRequest";

    private final MessageConsumer out;
    private final BooleanSupplier initialized;
    private final BooleanSupplier shutDown;
    /** Ids (as text) of the client's requests not answered yet. */
    private final Set<String> running;

    private GuardedEndpoint(InFlight out, Endpoint local, Function<Throwable, ResponseError> errors,
                            BooleanSupplier initialized, BooleanSupplier shutDown) {
        super(out, local, errors);
        this.out = out;
        this.running = out.running;
        this.initialized = initialized;
        this.shutDown = shutDown;
    }

    /**
     * @param out         the outgoing stream
     * @param initialized whether {@code initialize} was answered
     * @param shutDown    whether {@code shutdown} was received
     */
    static GuardedEndpoint create(MessageConsumer out, Endpoint local, Function<Throwable, ResponseError> errors,
                                  BooleanSupplier initialized, BooleanSupplier shutDown) {
        return new GuardedEndpoint(new InFlight(out), local, errors, initialized, shutDown);
    }

    @Override
    protected void handleRequest(RequestMessage request) {
        if (!initialized.getAsBoolean() && !INITIALIZE.equals(request.getMethod())) {
            refuse(request, ResponseErrorCode.ServerNotInitialized, "server not initialized");
            return;
        }
        if (shutDown.getAsBoolean()) {
            refuse(request, ResponseErrorCode.InvalidRequest, "server is shut down");
            return;
        }
        running.add(request.getId());
        super.handleRequest(request);
    }

    @Override
    protected boolean handleCancellation(NotificationMessage notification) {
        if (CANCEL.equals(notification.getMethod()) && notification.getParams() instanceof CancelParams cancel
                && !running.contains(cancel.getId())) {
            return true; // nothing to cancel
        }
        return super.handleCancellation(notification);
    }

    private void refuse(RequestMessage request, ResponseErrorCode code, String message) {
        ResponseMessage response = new ResponseMessage();
        response.setRawId(request.getRawId());
        response.setError(new ResponseError(code, message, null));
        out.consume(response);
    }

    /** The outgoing stream, forgetting each request as its response goes out. */
    private static final class InFlight implements MessageConsumer {
        private final MessageConsumer out;
        final Set<String> running = ConcurrentHashMap.newKeySet();

        InFlight(MessageConsumer out) {
            this.out = out;
        }

        @Override
        public void consume(Message message) {
            if (message instanceof ResponseMessage response && response.getId() != null) {
                running.remove(response.getId());
            }
            out.consume(message);
        }
    }
}
