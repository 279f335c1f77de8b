package rxlsp.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real launcher ({@code bin/rx-lsp}) as a child process, spoken to in JSON-RPC with
 * {@code Content-Length} framing over its stdin/stdout. A reader thread parses what the server
 * writes; a framing error is reported as a message of its own so the test fails with it. Standard
 * error is collected for failure reports.
 */
final class LspProcess implements AutoCloseable {
    /** What the reader thread hands over: a message, the end of the stream, or a framing error. */
    sealed interface Incoming permits Message, EndOfStream, BadFrame {
    }

    record Message(JsonObject json) implements Incoming {
    }

    record EndOfStream() implements Incoming {
    }

    record BadFrame(String problem) implements Incoming {
    }

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    LspProcess(Path launcher) throws IOException {
        this(List.of(launcher.toString()), java.util.Map.of(), launcher.getParent().getParent());
    }

    /** A server started by {@code command} (e.g. the launcher under strace), with extra environment, in {@code dir}. */
    LspProcess(List<String> command, java.util.Map<String, String> environment, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        pb.directory(dir.toFile());
        process = pb.start();
        stdin = process.getOutputStream();
        stdoutReader = Thread.ofPlatform().daemon().name("lsp-stdout").start(() -> readMessages(process.getInputStream()));
        stderrReader = Thread.ofPlatform().daemon().name("lsp-stderr").start(() -> {
            try (InputStream err = process.getErrorStream()) {
                byte[] buf = new byte[8192];
                for (int n; (n = err.read(buf)) > 0; ) {
                    synchronized (stderr) {
                        stderr.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        });
    }

    /** Frames and writes one message. */
    void send(JsonObject message) throws IOException {
        send(message, 1);
    }

    /** Frames and writes one message {@code times} times. */
    void send(JsonObject message, int times) throws IOException {
        byte[] body = escapeLoneSurrogates(GSON.toJson(message)).getBytes(StandardCharsets.UTF_8);
        byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[header.length + body.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        sendRaw(frame, times);
    }

    /** Writes bytes as they are, {@code times} times. */
    void sendRaw(byte[] bytes, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            stdin.write(bytes);
        }
        stdin.flush();
    }

    /**
     * A lone surrogate (a transcript may send one, as {@code "\\ud800"}, to test robustness) cannot be
     * encoded in UTF-8; written as a JSON escape it reaches the server as the transcript says.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(json.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(json.substring(0, i));
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /** The next thing the server wrote, or null when nothing arrived within {@code timeout}. */
    Incoming poll(Duration timeout) throws InterruptedException {
        return incoming.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Waits for the process to end on its own; null on timeout. */
    Integer waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Ends the process at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderr() {
        try {
            stderrReader.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    static String toJson(JsonElement json) {
        return GSON.toJson(json);
    }

    private void readMessages(InputStream in) {
        try (in) {
            while (true) {
                Integer length = null;
                String line;
                boolean any = false;
                while (!(line = headerLine(in, any)).isEmpty()) {
                    any = true;
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        incoming.add(new BadFrame("header line without `:`: " + line));
                        return;
                    }
                    String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    String value = line.substring(colon + 1).strip();
                    if (name.equals("content-length")) {
                        length = Integer.parseInt(value);
                    }
                }
                if (length == null) {
                    incoming.add(new BadFrame("a message without Content-Length"));
                    return;
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length) {
                    incoming.add(new BadFrame("stream ended inside a message body (" + body.length + " of " + length + " bytes)"));
                    return;
                }
                String text = new String(body, StandardCharsets.UTF_8);
                try {
                    incoming.add(new Message(Transcript.object(text)));
                } catch (IllegalArgumentException e) {
                    incoming.add(new BadFrame("body is not a JSON object: " + e.getMessage() + ": " + text));
                    return;
                }
            }
        } catch (EndOfHeaders e) {
            incoming.add(new EndOfStream());
        } catch (IOException | RuntimeException e) {
            incoming.add(new BadFrame("reading the server's output failed: " + e));
        }
    }

    /** The stream ended cleanly between two messages. */
    private static final class EndOfHeaders extends IOException {
    }

    /** One header line without its CRLF; a line ending in a bare LF is a framing error. */
    private String headerLine(InputStream in, boolean insideHeader) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0 && !insideHeader) {
                    throw new EndOfHeaders();
                }
                throw new IOException("stream ended inside a header: " + line.toString(StandardCharsets.US_ASCII));
            }
            if (b == '\n') {
                throw new IOException("header line ended by a bare LF: " + line.toString(StandardCharsets.US_ASCII));
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("CR not followed by LF in a header");
                }
                return line.toString(StandardCharsets.US_ASCII);
            }
            line.write(b);
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            stdoutReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
