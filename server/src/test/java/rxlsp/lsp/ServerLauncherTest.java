package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the server process ends when its input does: the exit status and the one line on stderr. */
class ServerLauncherTest {
    private static String frame(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private record Run(int status, List<String> stderr, String stdout) {
    }

    private static Run serve(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ServerLauncher.serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, err.toString(StandardCharsets.UTF_8).lines().toList(), out.toString(StandardCharsets.UTF_8));
    }

    private static final String INITIALIZE = frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");

    @Test
    void theStreamEndingInsideAMessageIsOneLineAndStatusOne() throws Exception {
        Run run = serve(INITIALIZE + "Content-Length: 100\r\n\r\n{\"jsonrpc\":");
        assertEquals(1, run.status());
        assertEquals(List.of("rx-lsp: the stream ended inside a message body of 100 bytes"), run.stderr());
    }

    @Test
    void shutdownAndExitIsStatusZeroAndSilent() throws Exception {
        Run run = serve(INITIALIZE + frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}")
                + frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
        assertEquals(0, run.status());
        assertEquals(List.of(), run.stderr());
        assertTrue(run.stdout().contains("\"id\":2,\"result\":null"), run.stdout());
    }

    @Test
    void exitBeforeInitializeIsStatusOne() throws Exception {
        Run run = serve(frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}") + frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
        assertEquals(1, run.status());
        assertTrue(run.stdout().contains("\"code\":-32002"), run.stdout());
    }
}
