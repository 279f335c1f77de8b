package rxlsp.lsp;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of one JSON text as a JSON-RPC 2.0 message: its {@code jsonrpc}, {@code id} and
 * {@code method}, and whether it has {@code params}, {@code result} or {@code error}, read in one
 * streaming pass that skips the values it does not need (a didOpen's text is not copied).
 * {@link #problem} says why it is no request, notification or response; {@link #of} throws when
 * the text is no JSON at all.
 *
 * @param id     the id to answer with: the message's own when it is a string or an integer in LSP's
 *               range, else null (JSON-RPC's rule for an id that cannot be read)
 * @param method null when absent or not a string
 */
record MessageShape(Either<String, Number> id, boolean hasId, String method, boolean hasResultOrError, String problem) {
    private static final String VERSION = "2.0";

    static MessageShape of(String text) throws IOException {
        JsonReader in = new JsonReader(new StringReader(text));
        JsonToken first = in.peek();
        if (first != JsonToken.BEGIN_OBJECT) {
            in.skipValue();
            end(in);
            return new MessageShape(null, false, null, false,
                    first == JsonToken.BEGIN_ARRAY ? "a batch (LSP has none)" : "not a JSON object");
        }
        String problem = null;
        String jsonrpc = null;
        Either<String, Number> id = null;
        boolean hasId = false;
        String method = null;
        boolean hasMethod = false;
        boolean hasResultOrError = false;
        boolean hasResult = false;
        JsonToken params = null;
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            JsonToken value = in.peek();
            switch (name) {
                case "jsonrpc" -> {
                    if (value == JsonToken.STRING) {
                        jsonrpc = in.nextString();
                    } else {
                        in.skipValue();
                    }
                }
                case "id" -> {
                    hasId = value != JsonToken.NULL;
                    if (value == JsonToken.STRING) {
                        id = Either.forLeft(in.nextString());
                    } else if (value == JsonToken.NUMBER) {
                        String number = in.nextString();
                        Integer n = lspInteger(number);
                        if (n == null) {
                            problem = "`id` " + number + " is not an integer of LSP's range";
                        } else {
                            id = Either.forRight(n);
                        }
                    } else {
                        in.skipValue();
                        if (value != JsonToken.NULL) {
                            problem = "`id` must be a string or a number";
                        }
                    }
                }
                case "method" -> {
                    hasMethod = true;
                    if (value == JsonToken.STRING) {
                        method = in.nextString();
                    } else {
                        in.skipValue();
                        problem = "`method` must be a string";
                    }
                }
                case "params" -> {
                    params = value;
                    in.skipValue();
                }
                case "result", "error" -> {
                    hasResultOrError = true;
                    hasResult |= name.equals("result");
                    in.skipValue();
                }
                default -> in.skipValue();
            }
        }
        in.endObject();
        end(in);
        if (problem == null) {
            if (!VERSION.equals(jsonrpc)) {
                problem = "`jsonrpc` must be \"2.0\"";
            } else if (!hasMethod && !(hasId && hasResultOrError)) {
                problem = "no `method`, and no `result` or `error` of a response";
            } else if (hasMethod && hasResult) {
                problem = "a request or notification with a `result`";
            } else if (params != null && params != JsonToken.NULL && params != JsonToken.BEGIN_OBJECT && params != JsonToken.BEGIN_ARRAY) {
                problem = "`params` must be an object or an array";
            }
        }
        return new MessageShape(id, hasId, method, hasResultOrError && !hasMethod, problem);
    }

    private static void end(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.END_DOCUMENT) {
            throw new IOException("text after the JSON value");
        }
    }

    /** The number as an LSP integer (32 bits, signed), or null. */
    private static Integer lspInteger(String number) {
        try {
            return new BigDecimal(number).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** A response of the client (to a request of the server): never answered, whatever is wrong with it. */
    boolean isResponse() {
        return method == null && hasId && hasResultOrError;
    }

    boolean isRequest() {
        return method != null && hasId;
    }

    String describe() {
        if (method == null) {
            return "a response";
        }
        return (hasId ? "request " : "notification ") + method;
    }
}
