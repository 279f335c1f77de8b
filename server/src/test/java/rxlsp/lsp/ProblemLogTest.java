package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ProblemLogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();
    private final ProblemLog log = new ProblemLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aBurstPassesThenOneLineASecondWithTheCountHeldBack() {
        for (int i = 0; i < 10_000; i++) {
            log.problem("problem " + i);
        }
        assertEquals(ProblemLog.BURST, lines().size());
        now.addAndGet(ProblemLog.REFILL_NANOS); // one second later
        log.problem("later");
        List<String> lines = lines();
        assertEquals(ProblemLog.BURST + 2, lines.size());
        assertEquals("rx-lsp: (" + (10_000 - ProblemLog.BURST) + " more problem lines were held back)", lines.get(ProblemLog.BURST));
        assertEquals("rx-lsp: later", lines.getLast());
        log.problem("held");
        log.flush();
        assertEquals("rx-lsp: (1 more problem line was held back)", lines().getLast());
    }

    @Test
    void oneLineEach() {
        log.problem("first line\n\tat some.Frame(Frame.java:1)\nmore");
        log.problem("rx-lsp: already prefixed");
        assertEquals(List.of("rx-lsp: first line …", "rx-lsp: already prefixed"), lines());
        assertTrue(ProblemLog.oneLine("x".repeat(10_000)).length() < 520);
    }

    @Test
    void javaLoggingBecomesOneLineWithoutStackTrace() {
        Logger root = Logger.getLogger("");
        var saved = root.getHandlers();
        Level level = root.getLevel();
        try {
            log.takeOverJavaLogging();
            Logger lsp4j = Logger.getLogger("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint");
            lsp4j.log(Level.WARNING, "Notification threw an exception", new IllegalStateException("boom"));
            lsp4j.log(Level.INFO, "not shown");
            assertEquals(List.of("rx-lsp: Notification threw an exception: java.lang.IllegalStateException: boom"), lines());
        } finally {
            for (var h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (var h : saved) {
                root.addHandler(h);
            }
            root.setLevel(level);
        }
    }
}
