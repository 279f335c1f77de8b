package rxlsp.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The server's reader of client messages, in place of lsp4j's: frames come from a
 * {@link FrameReader} (which finds the next frame after a bad one), and what is not a usable
 * message gets JSON-RPC's answer instead of a stack trace: a frame that is no JSON {@code -32700}
 * with {@code id: null}; a JSON value that is no request, notification or response ({@link
 * MessageShape}) {@code -32600}, with its id when it has a usable one; a request whose params do
 * not fit its method {@code -32602}. A notification that cannot be used is dropped with one line on
 * stderr; when it was a document change, the document is reported as no longer in step with the
 * editor.
 */
final class IncomingMessages implements MessageProducer {
    private static final String DID_CHANGE = "textDocument/didChange";
    private static final Pattern GSON_POSITION = Pattern.compile(" at line \\d+ column \\d+");

    private final FrameReader frames;
    private final MessageJsonHandler json;
    private final MessageConsumer replies;
    private final ProblemLog log;
    private final Consumer<String> changeLost;
    private volatile String fatal;
    /** The last frame's body was no JSON and had no header in it: garbage right after it is the rest of it. */
    private boolean afterBadBody;

    /**
     * @param replies    where error responses go (the outgoing stream)
     * @param changeLost told the URI of a document whose change could not be applied
     */
    IncomingMessages(InputStream in, MessageJsonHandler json, MessageConsumer replies, ProblemLog log, Consumer<String> changeLost) {
        this.frames = new FrameReader(in);
        this.json = json;
        this.replies = replies;
        this.log = log;
        this.changeLost = changeLost;
    }

    /** Why reading stopped for good while the input was still open (the peer does not speak LSP), or null. */
    String fatalProblem() {
        return fatal;
    }

    @Override
    public void listen(MessageConsumer callback) {
        try {
            while (true) {
                FrameReader.Frame frame = frames.next();
                boolean continuation = afterBadBody;
                afterBadBody = false;
                switch (frame) {
                    case FrameReader.Body body -> handle(body.bytes(), callback);
                    case FrameReader.Skipped skipped when continuation -> {
                        // the rest of a body whose length was too small: reported with it
                    }
                    case FrameReader.Skipped skipped -> {
                        log.problem("rx-lsp: skipped bytes that were no message (" + skipped.problem() + ")");
                        reply(null, ResponseErrorCode.ParseError.getValue(), "Parse error: " + skipped.problem());
                    }
                    case FrameReader.End end -> {
                        if (end.problem() != null) {
                            log.problem("rx-lsp: " + end.problem());
                        }
                        return;
                    }
                    case FrameReader.Untrusted untrusted -> {
                        fatal = untrusted.problem();
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // the stream broke: the client is gone
        }
    }

    private void handle(byte[] bytes, MessageConsumer callback) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        MessageShape shape;
        try {
            shape = MessageShape.of(text);
        } catch (IOException | RuntimeException e) {
            log.problem("rx-lsp: a message that is not JSON: " + syntaxError(e));
            reply(null, ResponseErrorCode.ParseError.getValue(), "Parse error: the message is not JSON");
            afterBadBody = !frames.rescan(bytes);
            return;
        }
        if (shape.problem() != null) {
            log.problem("rx-lsp: an invalid message: " + shape.problem());
            if (!shape.isResponse()) {
                reply(shape.id(), ResponseErrorCode.InvalidRequest.getValue(), "Invalid request: " + shape.problem());
            }
            return;
        }
        Message message;
        try {
            // read again, as a stream, by lsp4j: its types decide what the params are (and a number
            // beyond an int field's range fails here, where reading a tree would truncate it)
            message = json.parseMessage(text);
        } catch (MessageIssueException e) {
            unusable(shape, text, e.getIssues());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            unusable(shape, text, List.of(new MessageIssue(brief(e), ResponseErrorCode.InvalidParams.getValue())));
            return;
        }
        try {
            callback.consume(message);
        } catch (MessageIssueException e) {
            unusable(shape, text, e.getIssues());
        } catch (RuntimeException e) {
            log.problem("rx-lsp: handling " + shape.describe() + " failed: " + e);
        }
    }

    /** A message whose content lsp4j could not read into its method's types, or that its validation refused. */
    private void unusable(MessageShape shape, String text, List<MessageIssue> issues) {
        String what = issues.isEmpty() ? "unusable content" : issues.getFirst().getText()
                + (issues.getFirst().getCause() == null ? "" : ": " + brief(issues.getFirst().getCause()));
        log.problem("rx-lsp: ignored " + shape.describe() + ": " + what);
        if (shape.isRequest()) {
            // lsp4j calls params that do not fit their types a parse error; the JSON itself was fine
            int code = issues.size() == 1 && issues.getFirst().getIssueCode() != ResponseErrorCode.ParseError.getValue()
                    ? issues.getFirst().getIssueCode() : ResponseErrorCode.InvalidParams.getValue();
            reply(shape.id(), code, "Invalid params: " + what);
        } else if (DID_CHANGE.equals(shape.method())) {
            uri(text).ifPresent(changeLost);
        }
    }

    /** {@code params.textDocument.uri}, when the message has one. */
    private static Optional<String> uri(String text) {
        try {
            JsonElement uri = JsonParser.parseString(text).getAsJsonObject()
                    .getAsJsonObject("params").getAsJsonObject("textDocument").get("uri");
            return uri instanceof JsonPrimitive p && p.isString() ? Optional.of(p.getAsString()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void reply(Either<String, Number> id, int code, String message) {
        ResponseMessage response = new ResponseMessage();
        response.setRawId(id);
        response.setError(new ResponseError(code, message, null));
        try {
            replies.consume(response);
        } catch (RuntimeException e) {
            // the output is gone; the reader ends with the input
        }
    }

    /** Gson's message for a syntax error, up to its position: no advice, no JSON path, no link. */
    private static String syntaxError(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = GSON_POSITION.matcher(message);
        if (!m.find()) {
            return ProblemLog.oneLine(message).substring("rx-lsp: ".length());
        }
        String what = message.substring(0, m.start()).replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
        return what.strip() + m.group();
    }

    private static String brief(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return ProblemLog.oneLine(message == null ? root.getClass().getSimpleName() : message).substring("rx-lsp: ".length());
    }
}
