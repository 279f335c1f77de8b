package rxlsp.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plays one {@link Transcript} against a fresh server process. Client messages are sent in order;
 * an expectation waits (within the transcript's time budget) for the first not yet consumed server
 * message it selects, consumes it and asserts a subset match; other messages stay queued for later
 * expectations. Requests the server sends are answered with a {@code null} result.
 */
final class TranscriptRunner {
    private final Path launcher;
    private final Duration budget;

    TranscriptRunner(Path launcher, Duration budget) {
        this.launcher = launcher;
        this.budget = budget;
    }

    /** A transcript step whose assertion failed, with the session so far. */
    static final class TranscriptFailure extends AssertionError {
        TranscriptFailure(String message) {
            super(message);
        }
    }

    void run(Transcript transcript) throws Exception {
        long deadline = System.nanoTime() + budget.toNanos();
        List<String> log = new ArrayList<>();
        List<JsonObject> inbox = new ArrayList<>();
        Set<String> unanswered = new LinkedHashSet<>(); // ids of the client's requests, as JSON text
        boolean[] ended = {false};
        try (LspProcess server = new LspProcess(launcher)) {
            // a watchdog, in case a write to the server's stdin blocks: the budget holds whatever happens
            var watchdog = java.util.concurrent.CompletableFuture.runAsync(server::kill,
                    java.util.concurrent.CompletableFuture.delayedExecutor(budget.toMillis() + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS));
            Session session = new Session(transcript, server, log, inbox, unanswered, ended, deadline);
            for (Transcript.Step step : transcript.steps()) {
                switch (step) {
                    case Transcript.Send send -> session.send(send);
                    case Transcript.SendRaw raw -> session.sendRaw(raw);
                    case Transcript.Stderr err -> session.stderr(err);
                    case Transcript.Expect expect -> session.expect(expect);
                    case Transcript.ExpectNone none -> session.expectNone(none);
                    case Transcript.Exit exit -> session.exit(exit);
                }
            }
            watchdog.cancel(false);
        }
    }

    private final class Session {
        private final Transcript transcript;
        private final LspProcess server;
        private final List<String> log;
        private final List<JsonObject> inbox;
        private final Set<String> unanswered;
        private final boolean[] ended;
        private final long deadline;

        Session(Transcript transcript, LspProcess server, List<String> log, List<JsonObject> inbox, Set<String> unanswered,
                boolean[] ended, long deadline) {
            this.transcript = transcript;
            this.server = server;
            this.log = log;
            this.inbox = inbox;
            this.unanswered = unanswered;
            this.ended = ended;
            this.deadline = deadline;
        }

        void send(Transcript.Send send) {
            JsonObject message = send.message().deepCopy();
            if (!message.has("jsonrpc")) {
                message.addProperty("jsonrpc", "2.0");
            }
            if (message.has("id") && message.has("method")) {
                unanswered.add(LspProcess.toJson(message.get("id")));
            }
            log.add("--> " + abbreviate(LspProcess.toJson(message)) + (send.repeat() > 1 ? " (" + send.repeat() + " times)" : ""));
            try {
                server.send(message, send.repeat());
            } catch (IOException e) {
                sendFailed(send, e);
            }
        }

        void sendRaw(Transcript.SendRaw raw) {
            String shown = new String(raw.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            log.add("--> raw " + abbreviate(LspProcess.toJson(new com.google.gson.JsonPrimitive(shown)))
                    + (raw.repeat() > 1 ? " (" + raw.repeat() + " times)" : ""));
            try {
                server.sendRaw(raw.bytes(), raw.repeat());
            } catch (IOException e) {
                sendFailed(raw, e);
            }
        }

        /** A server that exited may do so on purpose (the exit step judges that); one still running must read. */
        private void sendFailed(Transcript.Step step, IOException e) {
            Integer status = null;
            try {
                status = server.waitForExit(Duration.ofSeconds(2)); // a pipe closes just before the process is gone
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (status == null) {
                fail(step, "could not send: " + e);
            }
            log.add("    (not sent: the server has exited)");
        }

        /** Checked after the exit step: the process has ended and its stderr is complete. */
        void stderr(Transcript.Stderr expected) {
            List<String> lines = server.stderr().lines().toList();
            if (expected.maxLines() >= 0 && lines.size() > expected.maxLines()) {
                fail(expected, "stderr has " + lines.size() + " lines, at most " + expected.maxLines() + " expected");
            }
            int from = 0;
            for (String wanted : expected.contains()) {
                int at = from;
                while (at < lines.size() && !lines.get(at).contains(wanted)) {
                    at++;
                }
                if (at == lines.size()) {
                    fail(expected, "no stderr line " + (from > 0 ? "after line " + from + " " : "") + "contains `" + wanted + "`");
                }
                from = at + 1;
            }
            for (String unwanted : expected.excludes()) {
                lines.stream().filter(l -> l.contains(unwanted)).findFirst()
                        .ifPresent(l -> fail(expected, "a stderr line contains `" + unwanted + "`: " + l));
            }
        }

        void expect(Transcript.Expect expect) throws InterruptedException {
            JsonObject expected = expect.expected();
            while (true) {
                for (Iterator<JsonObject> it = inbox.iterator(); it.hasNext(); ) {
                    JsonObject candidate = it.next();
                    if (selects(expected, candidate)) {
                        it.remove();
                        log.add("    (matched by the expectation at line " + expect.line() + ")");
                        Optional<String> mismatch = JsonSubset.mismatch(expected, candidate);
                        if (mismatch.isPresent()) {
                            fail(expect, "the message it selects does not match: " + mismatch.get()
                                    + "\n  expected (subset): " + LspProcess.toJson(expected)
                                    + "\n  actual:            " + LspProcess.toJson(candidate));
                        }
                        return;
                    }
                }
                if (ended[0]) {
                    fail(expect, "the server's output ended before a message matching " + LspProcess.toJson(expected));
                }
                if (!receive(remaining())) {
                    fail(expect, "timed out waiting for a message matching " + LspProcess.toJson(expected));
                }
            }
        }

        void expectNone(Transcript.ExpectNone none) throws InterruptedException {
            while (!ended[0] && receive(Duration.ZERO)) {
                // take in everything that has arrived
            }
            for (JsonObject m : inbox) {
                if (selects(none.unexpected(), m) && JsonSubset.mismatch(none.unexpected(), m).isEmpty()) {
                    fail(none, "the server sent a message the transcript rules out: " + LspProcess.toJson(m));
                }
            }
        }

        void exit(Transcript.Exit exit) throws InterruptedException {
            Integer status = server.waitForExit(remaining());
            if (status == null) {
                fail(exit, "the server did not exit on its own (stdin still open) within the time budget");
            }
            // collect whatever it wrote before exiting
            while (!ended[0] && receive(Duration.ofSeconds(2))) {
                // keep reading up to the end of the stream
            }
            if (status != exit.status()) {
                fail(exit, "exit status " + status + ", expected " + exit.status());
            }
            if (!unanswered.isEmpty()) {
                fail(exit, "requests never answered, ids: " + unanswered);
            }
            // never a stack trace, in any transcript: problems are one line each
            server.stderr().lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by: ")).findFirst()
                    .ifPresent(l -> fail(exit, "the server printed a stack trace on stderr: " + l));
            for (JsonObject m : inbox) {
                String method = m.has("method") ? m.get("method").getAsString() : "";
                if ((method.equals("window/logMessage") || method.equals("window/showMessage"))
                        && m.getAsJsonObject("params").get("type").getAsInt() == 1) {
                    fail(exit, "the server reported an error that no expectation consumed: " + LspProcess.toJson(m));
                }
            }
        }

        /** Reads one thing from the server; false when nothing came within {@code timeout}. */
        private boolean receive(Duration timeout) throws InterruptedException {
            LspProcess.Incoming in = server.poll(timeout);
            switch (in) {
                case null -> {
                    return false;
                }
                case LspProcess.EndOfStream end -> {
                    ended[0] = true;
                    log.add("<-- (end of output)");
                }
                case LspProcess.BadFrame bad -> {
                    log.add("<-- BAD FRAME: " + bad.problem());
                    throw failure("line ?", "the server broke the JSON-RPC framing: " + bad.problem());
                }
                case LspProcess.Message message -> {
                    JsonObject json = message.json();
                    log.add("<-- " + abbreviate(LspProcess.toJson(json)));
                    if (json.has("id") && !json.has("method")) {
                        unanswered.remove(LspProcess.toJson(json.get("id")));
                    }
                    if (json.has("id") && json.has("method")) { // a request to the client: answer it
                        JsonObject reply = new JsonObject();
                        reply.addProperty("jsonrpc", "2.0");
                        reply.add("id", json.get("id"));
                        reply.add("result", JsonNull.INSTANCE);
                        try {
                            server.send(reply);
                            log.add("--> " + LspProcess.toJson(reply) + " (automatic reply)");
                        } catch (IOException e) {
                            log.add("--> (automatic reply failed: " + e + ")");
                        }
                    }
                    inbox.add(json);
                }
            }
            return true;
        }

        private Duration remaining() {
            return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        }

        private void fail(Transcript.Step step, String problem) {
            throw failure("line " + step.line(), problem);
        }

        private TranscriptFailure failure(String where, String problem) {
            StringBuilder sb = new StringBuilder();
            sb.append(transcript.name()).append(", ").append(where).append(": ").append(problem);
            sb.append("\n--- session so far (--> client, <-- server) ---\n");
            log.forEach(l -> sb.append(l).append('\n'));
            String err = server.stderr();
            if (!err.isBlank()) {
                sb.append("--- server stderr ---\n").append(abbreviate(err)).append('\n');
            }
            return new TranscriptFailure(sb.toString());
        }
    }

    /**
     * Which server message an expectation is about: with a {@code method}, the messages with that
     * method (and, when the expectation gives {@code params.uri}, that URI: each document has its
     * own stream of diagnostics); otherwise the response with the expectation's {@code id}.
     */
    static boolean selects(JsonObject expected, JsonObject candidate) {
        if (expected.has("method")) {
            if (!expected.get("method").equals(candidate.get("method"))) {
                return false;
            }
            JsonElement uri = expected.has("params") && expected.get("params").isJsonObject()
                    ? expected.getAsJsonObject("params").get("uri") : null;
            if (uri == null) {
                return true;
            }
            JsonElement params = candidate.get("params");
            return params != null && params.isJsonObject() && uri.equals(params.getAsJsonObject().get("uri"));
        }
        return !candidate.has("method") && expected.get("id").equals(candidate.get("id"));
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "… (" + s.length() + " characters)";
    }
}
