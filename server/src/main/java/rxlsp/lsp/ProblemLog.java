package rxlsp.lsp;

import java.io.PrintStream;
import java.util.function.LongSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The server's stderr: one line per problem, never a stack trace, and rate-limited, so that a client
 * flooding the server with bad messages (10,000 cancellations of unknown requests, say) cannot
 * flood the log too. Up to {@link #BURST} lines pass at once; after that one line per
 * {@link #REFILL_NANOS}, and the number of lines held back is printed with the next line that
 * passes. Thread-safe.
 */
final class ProblemLog {
    static final int BURST = 20;
    static final long REFILL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final LongSupplier clock;
    private double tokens = BURST;
    private long last;
    private long suppressed;

    ProblemLog(PrintStream err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.last = clock.getAsLong();
    }

    ProblemLog(PrintStream err) {
        this(err, System::nanoTime);
    }

    /** Prints {@code message} (its first line, prefixed {@code rx-lsp: } unless it is) unless the rate limit holds it back. */
    synchronized void problem(String message) {
        long now = clock.getAsLong();
        tokens = Math.min(BURST, tokens + (double) (now - last) / REFILL_NANOS);
        last = now;
        if (tokens < 1) {
            suppressed++;
            return;
        }
        tokens--;
        if (suppressed > 0) {
            err.println("rx-lsp: (" + suppressed + " more problem line" + (suppressed == 1 ? " was" : "s were") + " held back)");
            suppressed = 0;
        }
        err.println(oneLine(message));
        err.flush();
    }

    /** Prints how many lines were held back, if any (at exit). */
    synchronized void flush() {
        if (suppressed > 0) {
            err.println("rx-lsp: (" + suppressed + " more problem line" + (suppressed == 1 ? " was" : "s were") + " held back)");
            suppressed = 0;
        }
        err.flush();
    }

    /**
     * The first line of {@code message}, cut at 500 characters, with every other control character
     * (which a client's bytes quoted in a message may hold) shown as {@code ·}: one line, always.
     */
    static String oneLine(String message) {
        String text = message == null ? "(no message)" : message.strip();
        int end = 0;
        while (end < text.length() && !lineBreak(text.charAt(end))) {
            end++;
        }
        boolean cut = end < text.length();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(end, 500); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '·' : c);
        }
        String line = out.toString().strip() + (cut || end > 500 ? " …" : "");
        return line.startsWith("rx-lsp:") ? line : "rx-lsp: " + line;
    }

    /** What a reader of the log may take for the end of a line. */
    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * Sends what lsp4j (and anything else) logs through {@code java.util.logging} here, one line per
     * record with the exception's own message instead of its stack trace; records below WARNING
     * are dropped.
     */
    void takeOverJavaLogging() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.WARNING);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() < Level.WARNING.intValue()) {
                    return;
                }
                String message = record.getMessage();
                Throwable thrown = record.getThrown();
                if (thrown != null) {
                    message = (message == null ? "" : oneLine(message).substring("rx-lsp: ".length()) + ": ") + thrown;
                }
                problem(message);
            }

            @Override
            public void flush() {
                ProblemLog.this.flush();
            }

            @Override
            public void close() {
                ProblemLog.this.flush();
            }
        });
    }
}
