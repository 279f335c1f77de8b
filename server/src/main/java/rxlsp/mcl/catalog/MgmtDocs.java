package rxlsp.mcl.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON of {@code mgmt docs generate --output FILE.json} (mgmt docs/generate.go, type {@code Output}):
 * <pre>
 * {"version": "…",
 *  "resources": {"kind": {"name", "kind", "file", "description", "fields": {"field": {"name", "type", "description"}}}},
 *  "functions": {"registered.name": {"name", "package", "func", "file", "description", "signature"?}}}
 * </pre>
 * The JSON has no traits, poly kinds, variables or meta params: {@link Catalog#overlay} keeps those from the
 * built-in catalogue.
 */
final class MgmtDocs {
    private MgmtDocs() {
    }

    /** What users are told the file should be. */
    static final String EXPECTED = "expected the JSON `mgmt docs generate --output FILE` writes";

    static Catalog read(Reader json) throws MgmtDocsException {
        JsonElement root;
        try {
            String text = new java.io.BufferedReader(json).lines().collect(java.util.stream.Collectors.joining("\n"));
            if (text.isBlank()) {
                throw new MgmtDocsException("the file is empty; " + EXPECTED);
            }
            com.google.gson.stream.JsonReader reader = new com.google.gson.stream.JsonReader(new java.io.StringReader(text));
            reader.setStrictness(com.google.gson.Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new MgmtDocsException("there is more text after the JSON object" + at(reader.toString()) + "; " + EXPECTED);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException | JsonParseException | IllegalStateException e) {
            if (e instanceof MgmtDocsException m) {
                throw m;
            }
            if (rootCause(e) instanceof java.nio.charset.CharacterCodingException) {
                throw new MgmtDocsException("it is not UTF-8 text; " + EXPECTED, e);
            }
            throw new MgmtDocsException("not valid JSON" + at(rootMessage(e)) + "; " + EXPECTED, e);
        }
        if (!root.isJsonObject()) {
            throw new MgmtDocsException("found " + describe(root) + " at the top level; " + EXPECTED
                    + " (an object with `functions` and `resources`)");
        }
        JsonObject top = root.getAsJsonObject();
        if (!top.has("functions") && !top.has("resources")) {
            throw new MgmtDocsException("it has neither `functions` nor `resources`; " + EXPECTED);
        }
        Map<String, FunctionInfo> functions = new LinkedHashMap<>();
        for (var e : object(top, "functions").entrySet()) {
            functions.put(e.getKey(), function(e.getKey(), object(e.getValue(), "functions." + e.getKey())));
        }
        Map<String, ResourceKind> resources = new LinkedHashMap<>();
        for (var e : object(top, "resources").entrySet()) {
            resources.put(e.getKey(), resource(e.getKey(), object(e.getValue(), "resources." + e.getKey())));
        }
        return new Catalog(functions, Map.of(), resources, Map.of(), null, Map.of(), Set.of());
    }

    private static FunctionInfo function(String registered, JsonObject o) throws MgmtDocsException {
        // mgmt splits the registered name at its only '.': "golang/strings.has_suffix" -> package, func
        int dot = registered.lastIndexOf('.');
        String pkg = dot < 0 ? "" : registered.substring(0, dot);
        String name = dot < 0 ? registered : registered.substring(dot + 1);
        String signature = string(o, "signature", "functions." + registered);
        Poly poly = signature == null ? Poly.INFERABLE : signature.contains("?") ? Poly.UNIFICATION_VARS : Poly.MONO;
        return new FunctionInfo(pkg, name, registered, signature, poly, List.of(), null, name.startsWith("_"),
                string(o, "description", "functions." + registered), null);
    }

    private static ResourceKind resource(String kind, JsonObject o) throws MgmtDocsException {
        Map<String, ResourceParam> params = new LinkedHashMap<>();
        String where = "resources." + kind;
        if (o.has("fields") && !o.get("fields").isJsonNull()) {
            for (var e : object(o, "fields", where).entrySet()) {
                JsonObject field = object(e.getValue(), where + ".fields." + e.getKey());
                String w = where + ".fields." + e.getKey();
                params.put(e.getKey(), new ResourceParam(e.getKey(), string(field, "type", w), string(field, "description", w)));
            }
        }
        return new ResourceKind(kind, params, Set.of(), Map.of(), List.of(), string(o, "description", where));
    }

    private static JsonObject object(JsonObject parent, String member) throws MgmtDocsException {
        JsonElement e = parent.get(member);
        return e == null || e.isJsonNull() ? new JsonObject() : object(e, member);
    }

    private static JsonObject object(JsonObject parent, String member, String where) throws MgmtDocsException {
        JsonElement e = parent.get(member);
        if (e == null || e.isJsonNull()) {
            // mgmt writes {} when --no-resources / --no-functions is given, so a missing member is empty
            return new JsonObject();
        }
        return object(e, where + "." + member);
    }

    private static JsonObject object(JsonElement e, String where) throws MgmtDocsException {
        if (!e.isJsonObject()) {
            throw new MgmtDocsException("expected an object at " + where + ", found " + describe(e));
        }
        return e.getAsJsonObject();
    }

    private static String string(JsonObject o, String member, String where) throws MgmtDocsException {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new MgmtDocsException("expected a string at " + where + "." + member + ", found " + describe(e));
        }
        return e.getAsString();
    }

    private static String describe(JsonElement e) {
        if (e.isJsonArray()) {
            return "an array";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        return e.isJsonNull() ? "null" : "`" + e + "`";
    }

    /** " at line L, column C" from a parser message that has them (gson's wording is not shown: it names its own API). */
    private static String at(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? " at line " + m.group(1) + ", column " + m.group(2) : "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = rootCause(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
