package rxlsp.intellij;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A minimal LSP client over a process's stdio, as LSP4IJ would drive the server: framed JSON-RPC messages. */
final class LspPipe implements AutoCloseable {
    private static final Gson GSON = new Gson();
    private final Process process;
    private final OutputStream toServer;
    private final BlockingQueue<JsonObject> fromServer = new ArrayBlockingQueue<>(10_000);
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private int nextId = 1;

    LspPipe(Process process) {
        this.process = process;
        this.toServer = process.getOutputStream();
        Thread reader = new Thread(this::readAll, "lsp-reader");
        reader.setDaemon(true);
        reader.start();
        Thread errors = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(stderr);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "lsp-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    int request(String method, Object params) throws IOException {
        int id = nextId++;
        send(message(id, method, params));
        return id;
    }

    void notify(String method, Object params) throws IOException {
        send(message(null, method, params));
    }

    /** A JSON-RPC message; {@code params} is left out when null (shutdown, exit). */
    private static Map<String, Object> message(Integer id, String method, Object params) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        if (id != null) {
            message.put("id", id);
        }
        message.put("method", method);
        if (params != null) {
            message.put("params", params);
        }
        return message;
    }

    private synchronized void send(Map<String, Object> message) throws IOException {
        byte[] body = GSON.toJson(message).getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    /** The first message from the server that {@code wanted} accepts, within {@code timeout}. */
    JsonObject await(Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonObject message = fromServer.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no such message from the server within " + timeout + "; alive: " + process.isAlive()
                + "; stderr: " + stderr.toString(StandardCharsets.UTF_8));
    }

    private void readAll() {
        try (InputStream in = process.getInputStream()) {
            while (true) {
                int length = -1;
                String header;
                while (!(header = readLine(in)).isEmpty()) {
                    if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring("content-length:".length()).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                fromServer.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // stream closed: the server ended
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("end of stream");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws Exception {
        try {
            int id = request("shutdown", null);
            await(m -> m.has("id") && m.get("id").getAsInt() == id, Duration.ofSeconds(20));
            notify("exit", null);
            process.waitFor(10, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
        }
    }
}
