package rxlsp.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A protocol transcript: a Markdown file whose fenced blocks are the steps of one LSP session (see
 * {@code test-fixtures/protocol/README.md} for the format). Prose and blocks fenced as {@code text}
 * or without an info string are commentary; any other info string is an error, so that a typo in a
 * block kind cannot silently turn an assertion into commentary.
 */
record Transcript(String name, List<Step> steps) {
    private static final TypeAdapter<JsonElement> JSON_ELEMENT = new Gson().getAdapter(JsonElement.class);

    /** One step of a transcript; {@code line} is the 1-based line of its opening fence. */
    sealed interface Step permits Send, SendRaw, Expect, ExpectNone, Exit, Stderr {
        int line();
    }

    /** A message the client sends (a request when it has an {@code id}), {@code repeat} times in a row. */
    record Send(int line, JsonObject message, int repeat) implements Step {
        Send(int line, JsonObject message) {
            this(line, message, 1);
        }
    }

    /** Bytes the client writes as they are, no framing added, {@code repeat} times in a row. */
    record SendRaw(int line, byte[] bytes, int repeat) implements Step {
    }

    /**
     * What the server's standard error must hold once it has exited: at most {@code maxLines} lines
     * (-1: any number), a line containing each of {@code contains}, in that order, and no line
     * containing any of {@code excludes}.
     */
    record Stderr(int line, int maxLines, List<String> contains, List<String> excludes) implements Step {
    }

    /** What the server must send next among the messages this expectation selects. */
    record Expect(int line, JsonObject expected) implements Step {
    }

    /**
     * No message received so far (and not taken by an expectation) may be selected by and match
     * {@code unexpected}; meaningful after an expectation the server can only satisfy later.
     */
    record ExpectNone(int line, JsonObject unexpected) implements Step {
    }

    /** The process must exit on its own (stdin still open) with this status. */
    record Exit(int line, int status) implements Step {
    }

    static Transcript parse(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), file.getParent());
    }

    /**
     * @param baseDir where {@code source=} paths of document blocks are resolved
     */
    static Transcript parse(String name, String markdown, Path baseDir) {
        List<Step> steps = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            if (!line.startsWith("```")) {
                continue;
            }
            int fenceLength = 0;
            while (fenceLength < line.length() && line.charAt(fenceLength) == '`') {
                fenceLength++;
            }
            String fence = line.substring(0, fenceLength);
            String info = line.substring(fenceLength).strip();
            int open = i + 1; // 1-based line of the opening fence
            StringBuilder body = new StringBuilder();
            boolean closed = false;
            for (i = i + 1; i < lines.length; i++) {
                String l = stripCr(lines[i]);
                if (l.strip().equals(fence)) {
                    closed = true;
                    break;
                }
                body.append(l).append('\n');
            }
            if (!closed) {
                throw new IllegalArgumentException(name + ":" + open + ": the block opened here is never closed");
            }
            Step step = step(name, open, info, body.toString(), baseDir);
            if (step != null) {
                steps.add(step);
            }
        }
        validate(name, steps);
        return new Transcript(name, List.copyOf(steps));
    }

    /** Markdown read on Windows may carry CRs; transcript bodies never depend on them (see {@code eol=crlf}). */
    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static Step step(String name, int line, String info, String body, Path baseDir) {
        String where = name + ":" + line + ": ";
        String[] words = info.isEmpty() ? new String[0] : info.split("\\s+");
        String kind = words.length == 0 ? "" : words[0];
        try {
            return switch (kind) {
                case "", "text" -> null;
                case "json" -> new Send(line, object(body), repeat(words));
                case "raw" -> new SendRaw(line, rawBytes(body), repeat(words));
                case "stderr" -> stderr(line, object(body));
                case "expect" -> new Expect(line, selector(object(body)));
                case "expect-none" -> new ExpectNone(line, selector(object(body)));
                case "exit" -> new Exit(line, Integer.parseInt(body.strip()));
                case "nix", "mcl" -> new Send(line, didOpen(kind, words, body, baseDir));
                default -> throw new IllegalArgumentException("unknown block kind `" + kind
                        + "` (json, raw, expect, expect-none, nix, mcl, exit, stderr; text or no info string for commentary)");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
    }

    /** {@code repeat=N} after the block kind (json and raw blocks), else 1. */
    private static int repeat(String[] words) {
        int repeat = 1;
        for (int w = 1; w < words.length; w++) {
            if (!words[w].startsWith("repeat=")) {
                throw new IllegalArgumentException("unknown attribute `" + words[w] + "` (repeat=N)");
            }
            repeat = Integer.parseInt(words[w].substring("repeat=".length()));
            if (repeat < 1) {
                throw new IllegalArgumentException("repeat must be at least 1");
            }
        }
        return repeat;
    }

    /**
     * A {@code raw} block: one JSON string whose characters, all up to U+00FF, are the bytes to
     * write (so {@code "\r\n"} is CR LF and {@code "\u00ff"} the byte 0xFF).
     */
    private static byte[] rawBytes(String body) {
        JsonElement element;
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.LEGACY_STRICT);
            element = JSON_ELEMENT.read(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("text after the JSON string");
            }
        } catch (IOException | JsonParseException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage(), e);
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("a raw block holds one JSON string");
        }
        String chars = element.getAsString();
        byte[] bytes = new byte[chars.length()];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c > 0xff) {
                throw new IllegalArgumentException("a raw block's characters are bytes, U+0000 to U+00FF; got U+" + Integer.toHexString(c));
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /** A {@code stderr} block: {@code {"maxLines": N, "contains": [...], "excludes": [...]}}, each member optional. */
    private static Stderr stderr(int line, JsonObject spec) {
        for (String key : spec.keySet()) {
            if (!List.of("maxLines", "contains", "excludes").contains(key)) {
                throw new IllegalArgumentException("unknown member " + key + " (maxLines, contains, excludes)");
            }
        }
        int max = spec.has("maxLines") ? spec.get("maxLines").getAsInt() : -1;
        return new Stderr(line, max, strings(spec, "contains"), strings(spec, "excludes"));
    }

    private static List<String> strings(JsonObject spec, String key) {
        List<String> out = new ArrayList<>();
        if (spec.has(key)) {
            spec.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        }
        return List.copyOf(out);
    }

    private static JsonObject selector(JsonObject expectation) {
        if (!expectation.has("method") && !expectation.has("id")) {
            throw new IllegalArgumentException("an expectation needs a \"method\" or an \"id\" to select the message it is about");
        }
        return expectation;
    }

    /** A {@code nix}/{@code mcl} block: {@code nix URI [version=N] [eol=crlf] [source=PATH]}. */
    private static JsonObject didOpen(String languageId, String[] words, String body, Path baseDir) {
        if (words.length < 2 || !words[1].contains(":")) {
            throw new IllegalArgumentException("a `" + languageId + "` block needs a document URI after the language, e.g. `"
                    + languageId + " file:///x." + languageId + "`");
        }
        String uri = words[1];
        Map<String, String> attributes = new TreeMap<>();
        for (int w = 2; w < words.length; w++) {
            int eq = words[w].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got `" + words[w] + "`");
            }
            attributes.put(words[w].substring(0, eq), words[w].substring(eq + 1));
        }
        int version = Integer.parseInt(attributes.getOrDefault("version", "1"));
        String text = body;
        String source = attributes.get("source");
        if (source != null) {
            if (!body.isEmpty()) {
                throw new IllegalArgumentException("a block with source= must be empty");
            }
            try {
                text = Files.readString(baseDir.resolve(source), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read source " + source + ": " + e, e);
            }
        }
        String eol = attributes.getOrDefault("eol", "lf");
        switch (eol) {
            case "lf" -> {
            }
            case "crlf" -> text = text.replace("\n", "\r\n");
            default -> throw new IllegalArgumentException("eol must be lf or crlf, got " + eol);
        }
        for (String key : attributes.keySet()) {
            if (!List.of("version", "eol", "source").contains(key)) {
                throw new IllegalArgumentException("unknown attribute " + key + " (version, eol, source)");
            }
        }
        return didOpenMessage(uri, languageId, version, text);
    }

    /** The {@code textDocument/didOpen} notification of one document. */
    static JsonObject didOpenMessage(String uri, String languageId, int version, String text) {
        JsonObject document = new JsonObject();
        document.addProperty("uri", uri);
        document.addProperty("languageId", languageId);
        document.addProperty("version", version);
        document.addProperty("text", text);
        JsonObject params = new JsonObject();
        params.add("textDocument", document);
        JsonObject message = new JsonObject();
        message.addProperty("jsonrpc", "2.0");
        message.addProperty("method", "textDocument/didOpen");
        message.add("params", params);
        return message;
    }

    /** Strict JSON (no comments, no trailing commas, no single quotes; lone surrogate escapes allowed): one object, nothing after it. */
    static JsonObject object(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.LEGACY_STRICT); // STRICT would refuse a lone surrogate escape such as "\\ud800"
            JsonElement element = JSON_ELEMENT.read(reader); // JsonParser.parseReader would make it lenient
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("text after the JSON object");
            }
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("expected a JSON object, got " + element);
            }
            return element.getAsJsonObject();
        } catch (IOException | JsonParseException e) {
            throw new IllegalArgumentException("bad JSON: " + e.getMessage(), e);
        }
    }

    private static void validate(String name, List<Step> steps) {
        int last = steps.size() - 1;
        while (last >= 0 && steps.get(last) instanceof Stderr) {
            last--;
        }
        if (last < 0 || !(steps.get(last) instanceof Exit)) {
            throw new IllegalArgumentException(name + ": a transcript must end with an `exit` block (the expected exit status),"
                    + " followed only by `stderr` blocks");
        }
        if (steps.subList(0, last).stream().anyMatch(s -> s instanceof Stderr)) {
            throw new IllegalArgumentException(name + ": `stderr` blocks come after the `exit` block");
        }
        if (steps.stream().filter(s -> s instanceof Exit).count() != 1) {
            throw new IllegalArgumentException(name + ": a transcript has exactly one `exit` block");
        }
    }
}
