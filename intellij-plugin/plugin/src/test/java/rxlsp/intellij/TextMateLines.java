package rxlsp.intellij;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jcodings.specific.UTF8Encoding;
import org.joni.Matcher;
import org.joni.Option;
import org.joni.Regex;
import org.joni.Region;
import org.joni.Syntax;

/**
 * Just enough of a TextMate tokenizer to test a grammar: {@code match} with {@code captures},
 * {@code begin}/{@code end} with their captures, {@code name} and nested {@code patterns}, {@code include} of
 * {@code #repository} rules and {@code $self}, the earliest match winning and the first rule among equals, the
 * {@code end} rule winning ties, one state carried from line to line. Regular expressions run on joni, the Java
 * port of Oniguruma that IntelliJ's TextMate support also uses, so a pattern Oniguruma rejects fails here too.
 * Lines are ASCII in the tests, so byte offsets are character offsets.
 */
final class TextMateLines {
    private final JsonObject grammar;
    // Shared: compiling is the slow part, and a pattern compiles the same for every tokenizer.
    private static final Map<String, Regex> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
    private final Deque<JsonObject> open = new ArrayDeque<>();
    private final Map<JsonObject, List<JsonObject>> flattened = new java.util.IdentityHashMap<>();

    TextMateLines(JsonObject grammar) {
        this.grammar = grammar;
    }

    /** Every regular expression of the grammar, for compile checks. */
    static void forEachRegex(JsonElement element, Consumer<String> action) {
        if (element instanceof JsonObject object) {
            for (var entry : object.entrySet()) {
                if (List.of("match", "begin", "end").contains(entry.getKey())) {
                    action.accept(entry.getValue().getAsString());
                } else {
                    forEachRegex(entry.getValue(), action);
                }
            }
        } else if (element instanceof JsonArray array) {
            array.forEach(child -> forEachRegex(child, action));
        }
    }

    static Regex compile(String pattern) {
        byte[] bytes = pattern.getBytes(StandardCharsets.UTF_8);
        return new Regex(bytes, 0, bytes.length, Option.CAPTURE_GROUP, UTF8Encoding.INSTANCE, Syntax.DEFAULT);
    }

    /** How many begin/end rules are open after the lines so far (0: not inside a string). */
    int openRules() {
        return open.size();
    }

    /** The scopes of each character of {@code line}, innermost last, continuing the state of earlier lines. */
    List<List<String>> scopes(String line) {
        byte[] text = line.getBytes(StandardCharsets.US_ASCII);
        List<List<String>> scopes = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            scopes.add(new ArrayList<>(openNames()));
        }
        // Per line: a rule's search from an earlier position stays valid while its hit lies at or after the current
        // position (or it found nothing), as in real TextMate engines.
        Map<String, Hit> searched = new java.util.HashMap<>();
        int position = 0;
        while (position <= text.length) {
            JsonObject frame = open.peek();
            Hit best = null;
            if (frame != null) {
                best = search(frame.get("end").getAsString(), text, position, null, searched);
            }
            for (JsonObject rule : flattened.computeIfAbsent(frame == null ? grammar : frame, this::candidates)) {
                Hit hit = search(rule.has("match") ? rule.get("match").getAsString() : rule.get("begin").getAsString(),
                        text, position, rule, searched);
                if (hit != null && (best == null || hit.start < best.start)) {
                    best = hit;
                }
            }
            if (best == null) {
                break;
            }
            if (best.rule == null) { // the end of the open begin/end rule
                paint(scopes, best, frame.getAsJsonObject("endCaptures"), null);
                open.pop();
            } else if (best.rule.has("match")) {
                paint(scopes, best, best.rule.getAsJsonObject("captures"), name(best.rule));
            } else {
                paint(scopes, best, best.rule.getAsJsonObject("beginCaptures"), name(best.rule));
                open.push(best.rule);
                for (int i = best.end; i < text.length; i++) {
                    scopes.get(i).add(name(best.rule));
                }
            }
            position = best.end > best.start ? best.end : best.end + 1;
        }
        return scopes;
    }

    private List<String> openNames() {
        List<String> names = new ArrayList<>();
        open.descendingIterator().forEachRemaining(rule -> {
            if (name(rule) != null) {
                names.add(name(rule));
            }
        });
        names.removeIf(java.util.Objects::isNull);
        return names;
    }

    private static String name(JsonObject rule) {
        return rule.has("name") ? rule.get("name").getAsString() : null;
    }

    private static void paint(List<List<String>> scopes, Hit hit, JsonObject captures, String name) {
        for (int i = hit.start; i < hit.end && i < scopes.size(); i++) {
            if (name != null) {
                scopes.get(i).add(name);
            }
        }
        if (captures == null) {
            return;
        }
        for (var capture : captures.entrySet()) {
            int group = Integer.parseInt(capture.getKey());
            if (group >= hit.region.getNumRegs() || hit.region.getBeg(group) < 0) {
                continue;
            }
            String captureName = capture.getValue().getAsJsonObject().get("name").getAsString();
            for (int i = hit.region.getBeg(group); i < hit.region.getEnd(group) && i < scopes.size(); i++) {
                scopes.get(i).add(captureName);
            }
        }
    }

    /** The match and begin rules reachable from {@code container}'s patterns, includes resolved, in order. */
    private List<JsonObject> candidates(JsonObject container) {
        List<JsonObject> rules = new ArrayList<>();
        if (container.has("patterns")) {
            for (JsonElement pattern : container.getAsJsonArray("patterns")) {
                collect(pattern.getAsJsonObject(), rules);
            }
        }
        return rules;
    }

    private void collect(JsonObject pattern, List<JsonObject> rules) {
        if (pattern.has("include")) {
            String include = pattern.get("include").getAsString();
            JsonObject target = include.equals("$self") ? grammar
                    : grammar.getAsJsonObject("repository").getAsJsonObject(include.substring(1));
            if (target == null) {
                throw new IllegalStateException("unknown include " + include);
            }
            if (include.equals("$self")) {
                rules.addAll(candidates(grammar));
            } else {
                collect(target, rules);
            }
        } else if (pattern.has("match") || pattern.has("begin")) {
            rules.add(pattern);
        } else {
            rules.addAll(candidates(pattern));
        }
    }

    private static final Hit NONE = new Hit(-1, -1, null, null);

    private Hit search(String pattern, byte[] text, int from, JsonObject rule, Map<String, Hit> searched) {
        Hit earlier = searched.get(pattern);
        if (earlier != null && (earlier == NONE || earlier.start >= from)) {
            return earlier == NONE ? null : new Hit(earlier.start, earlier.end, earlier.region, rule);
        }
        Hit hit = searchFresh(pattern, text, from, rule);
        searched.put(pattern, hit == null ? NONE : hit);
        return hit;
    }

    private Hit searchFresh(String pattern, byte[] text, int from, JsonObject rule) {
        Regex regex = COMPILED.computeIfAbsent(pattern, TextMateLines::compile);
        Matcher matcher = regex.matcher(text);
        int start = matcher.search(from, text.length, Option.NONE);
        if (start < 0) {
            return null;
        }
        return new Hit(start, matcher.getEnd(), matcher.getEagerRegion(), rule);
    }

    private record Hit(int start, int end, Region region, JsonObject rule) {
    }
}
