package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class MessageShapeTest {
    private static String problem(String json) throws IOException {
        return MessageShape.of(json).problem();
    }

    @Test
    void messagesOfEveryKind() throws IOException {
        MessageShape request = MessageShape.of("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"m\",\"params\":{\"text\":\"big\"}}");
        assertNull(request.problem());
        assertTrue(request.isRequest());
        assertEquals(Either.forRight(7), request.id());
        assertNull(problem("{\"jsonrpc\":\"2.0\",\"method\":\"m\"}"));
        assertNull(problem("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":[1]}"));
        MessageShape response = MessageShape.of("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":null}");
        assertNull(response.problem());
        assertTrue(response.isResponse());
        assertNull(problem("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"x\"}}"));
    }

    @Test
    void whatIsNoMessage() throws IOException {
        assertEquals("a batch (LSP has none)", problem("[]"));
        assertEquals("not a JSON object", problem("null"));
        assertEquals("`jsonrpc` must be \"2.0\"", problem("{\"jsonrpc\":\"1.0\",\"method\":\"m\"}"));
        assertEquals("no `method`, and no `result` or `error` of a response", problem("{\"jsonrpc\":\"2.0\",\"id\":1}"));
        assertEquals("`id` must be a string or a number", problem("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"m\"}"));
        assertTrue(problem("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"m\"}").contains("LSP's range"));
        assertTrue(problem("{\"jsonrpc\":\"2.0\",\"id\":2147483648,\"method\":\"m\"}").contains("LSP's range"));
        assertNull(problem("{\"jsonrpc\":\"2.0\",\"id\":-2147483648,\"method\":\"m\"}"));
        assertEquals("`method` must be a string", problem("{\"jsonrpc\":\"2.0\",\"method\":null}"));
        assertEquals("a request or notification with a `result`", problem("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"result\":1}"));
        assertEquals("`params` must be an object or an array", problem("{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":3}"));
    }

    @Test
    void whatIsNoJson() {
        for (String bad : new String[] {"", "{", "{\"a\":}", "{} {}", "{\"a\":1}x", "[".repeat(300) + "]".repeat(300)}) {
            assertThrows(IOException.class, () -> MessageShape.of(bad), bad);
        }
    }
}
