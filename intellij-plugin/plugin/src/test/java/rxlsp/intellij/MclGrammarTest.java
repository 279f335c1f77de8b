package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MCL TextMate bundle as the build assembles it for the zip (this module's {@code package.json} with the VS Code
 * extension's grammar and language configuration): its files fit together, its patterns compile in Oniguruma (the
 * engine of IntelliJ's TextMate support, where VS Code's grammar tests use vscode-oniguruma), and lines get the scopes
 * meant.
 */
class MclGrammarTest {
    private static final Path BUNDLE = Path.of(System.getProperty("rx.textmateBundle", "target/textmate/mcl"));
    /** The one MCL grammar, the VS Code extension's; the build copies it into the bundle. */
    private static final Path VSCODE_EXTENSION = Path.of(System.getProperty("rx.projectRoot", "../.."), "vscode-extension");

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static JsonObject grammar() throws IOException {
        return json(BUNDLE.resolve("syntaxes/mcl.tmLanguage.json"));
    }

    @Test
    void packageJsonNamesTheGrammarAndTheLanguageConfiguration() throws IOException {
        JsonObject contributes = json(BUNDLE.resolve("package.json")).getAsJsonObject("contributes");
        JsonObject language = contributes.getAsJsonArray("languages").get(0).getAsJsonObject();
        JsonObject grammarEntry = contributes.getAsJsonArray("grammars").get(0).getAsJsonObject();
        assertEquals("mcl", language.get("id").getAsString());
        assertEquals("[\".mcl\"]", language.getAsJsonArray("extensions").toString());
        assertEquals(grammar().get("scopeName").getAsString(), grammarEntry.get("scopeName").getAsString());
        assertTrue(Files.isRegularFile(BUNDLE.resolve(grammarEntry.get("path").getAsString())));
        JsonObject configuration = json(BUNDLE.resolve(language.get("configuration").getAsString()));
        assertEquals("#", configuration.getAsJsonObject("comments").get("lineComment").getAsString());
    }

    @Test
    void theBundleCarriesTheVsCodeExtensionsGrammarAndLanguageConfiguration() throws IOException {
        for (String file : List.of("syntaxes/mcl.tmLanguage.json", "language-configuration.json")) {
            assertEquals(Files.readString(VSCODE_EXTENSION.resolve(file)), Files.readString(BUNDLE.resolve(file)),
                    file + " is copied from vscode-extension/ by the build (process-resources)");
        }
    }

    @Test
    void everyPatternCompilesInOniguruma() throws IOException {
        List<String> patterns = new ArrayList<>();
        TextMateLines.forEachRegex(grammar(), patterns::add);
        assertTrue(patterns.size() > 20, "patterns found: " + patterns.size());
        patterns.forEach(TextMateLines::compile); // throws on a syntax Oniguruma rejects
    }

    @Test
    void everyIncludeNamesARepositoryRule() throws IOException {
        JsonObject grammar = grammar();
        List<String> includes = new ArrayList<>();
        collectIncludes(grammar, includes);
        assertFalse(includes.isEmpty());
        for (String include : includes) {
            assertTrue(include.equals("$self") || grammar.getAsJsonObject("repository").has(include.substring(1)),
                    "unknown include " + include);
        }
    }

    private static void collectIncludes(com.google.gson.JsonElement element, List<String> includes) {
        if (element instanceof JsonObject object) {
            object.entrySet().forEach(e -> {
                if (e.getKey().equals("include")) {
                    includes.add(e.getValue().getAsString());
                } else {
                    collectIncludes(e.getValue(), includes);
                }
            });
        } else if (element instanceof com.google.gson.JsonArray array) {
            array.forEach(child -> collectIncludes(child, includes));
        }
    }

    /** Scopes at the first occurrence of {@code word} (each of its characters) on the line. */
    private static void assertScope(String line, String word, String scope) throws IOException {
        List<List<String>> scopes = new TextMateLines(grammar()).scopes(line);
        int at = line.indexOf(word);
        assertTrue(at >= 0, word + " not in " + line);
        for (int i = at; i < at + word.length(); i++) {
            assertTrue(scopes.get(i).contains(scope),
                    "`" + line + "` column " + i + " (in `" + word + "`): expected " + scope + ", got " + scopes.get(i));
        }
    }

    private static void assertNoScope(String line, String word, String scope) throws IOException {
        List<List<String>> scopes = new TextMateLines(grammar()).scopes(line);
        int at = line.indexOf(word);
        assertFalse(scopes.get(at).contains(scope), "`" + line + "` `" + word + "`: unexpected " + scope);
    }

    @Test
    void resourcesFieldsAndValues() throws IOException {
        String line = "file \"/tmp/x\" { state => $const.res.file.state.exists, mode => \"0644\", }";
        assertScope(line, "file", "entity.name.type.resource.mcl");
        assertScope(line, "\"/tmp/x\"", "string.quoted.double.mcl");
        assertScope(line, "state", "variable.other.property.mcl");
        assertScope(line, "=>", "keyword.operator.mcl");
        assertScope(line, "const.res.file.state.exists", "variable.other.readwrite.mcl");
        assertScope("  http:server:file \"/a\" {", "http:server:file", "entity.name.type.resource.mcl");
        assertScope("Pkg[\"drbd\"] -> Svc[\"drbd\"]", "Pkg", "entity.name.type.resource.mcl");
        assertScope("\tMeta => struct{}", "Meta", "keyword.other.property.mcl");
    }

    @Test
    void keywordsAreNotResourceKinds() throws IOException {
        assertScope("  if $x > 3 {", "if", "keyword.control.mcl");
        assertNoScope("  if $x > 3 {", "if", "entity.name.type.resource.mcl");
        assertScope("include c1(\"a\") as c", "include", "keyword.other.import.mcl");
        assertScope("forkv $k, $v in $m {", "forkv", "keyword.control.mcl");
        assertScope("import \"fmt\"", "import", "keyword.other.import.mcl");
    }

    @Test
    void stringsEscapesAndInterpolation() throws IOException {
        String line = "$s = \"a\\n${name.x} \\q ${bad +} $plain\" # done";
        assertScope(line, "\\n", "constant.character.escape.mcl");
        assertScope(line, "name.x", "variable.other.readwrite.mcl");
        assertScope(line, "${name.x}", "meta.interpolation.mcl");
        assertScope(line, "\\q", "invalid.illegal.unknown-escape.mcl");
        assertScope(line, "${bad +}", "invalid.illegal.interpolation.mcl");
        assertScope(line, "$plain", "string.quoted.double.mcl");
        assertNoScope(line, "$plain", "variable.other.readwrite.mcl");
        assertScope(line, "# done", "comment.line.number-sign.mcl");
        assertScope("\"# not a comment\"", "# not", "string.quoted.double.mcl");
        assertNoScope("\"# not a comment\"", "# not", "comment.line.number-sign.mcl");
    }

    @Test
    void aStringSpansLines() throws IOException {
        TextMateLines lines = new TextMateLines(grammar());
        lines.scopes("$s = \"first");
        List<List<String>> second = lines.scopes("second\" + 1");
        assertTrue(second.get(0).contains("string.quoted.double.mcl"), second.get(0).toString());
        assertTrue(second.get(10).contains("constant.numeric.integer.mcl"), second.get(10).toString());
    }

    /**
     * Over mgmt's own example programs and formatter cases (valid MCL, both dialects): every string closes by the
     * end of the file and nothing is marked invalid, so escapes, interpolation and comments are read as mgmt does.
     */
    @Test
    void mgmtsValidProgramsTokenizeCleanly() throws IOException {
        Path corpus = Path.of(System.getProperty("rx.projectRoot", "../.."), "..", "shared", "corpus").normalize();
        if (!Files.isDirectory(corpus.resolve("mgmt"))) {
            String why = "SKIPPED: MclGrammarTest corpus check: no mgmt corpus at " + corpus;
            assertFalse(Boolean.getBoolean("rx.requireAllTiers"), why + " (rx.requireAllTiers is set)");
            System.out.println(why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        JsonObject grammar = grammar();
        List<Path> programs = new ArrayList<>();
        for (String root : List.of("mgmt/examples/lang", "mgmt/format/tests", "mgmt-1.0/examples/lang")) {
            try (var files = Files.walk(corpus.resolve(root))) {
                files.filter(f -> f.toString().endsWith(".mcl") && !f.toString().contains("badexample")).forEach(programs::add);
            }
        }
        assertTrue(programs.size() > 100, "programs: " + programs.size());
        List<String> problems = new ArrayList<>();
        for (Path program : programs) {
            TextMateLines lines = new TextMateLines(grammar);
            List<String> text = Files.readAllLines(program);
            List<String> last = List.of();
            for (int n = 0; n < text.size(); n++) {
                String line = text.get(n).chars().allMatch(c -> c < 128) ? text.get(n) : text.get(n).replaceAll("[^\\x00-\\x7f]", "?");
                List<List<String>> scopes = lines.scopes(line);
                for (int col = 0; col < scopes.size(); col++) {
                    if (scopes.get(col).stream().anyMatch(scope -> scope.startsWith("invalid."))) {
                        problems.add(corpus.relativize(program) + ":" + (n + 1) + ":" + (col + 1) + " " + scopes.get(col));
                        break;
                    }
                }
                last = scopes.isEmpty() ? List.of() : scopes.getLast();
            }
            if (lines.scopes("").isEmpty() && lines.openRules() > 0) {
                problems.add(corpus.relativize(program) + ": a string is still open at the end " + last);
            }
        }
        assertTrue(problems.isEmpty(), programs.size() + " programs; problems:\n" + String.join("\n", problems));
    }

    @Test
    void definitionsCallsTypesAndNumbers() throws IOException {
        String line = "func add($a int, $b float) int { math.sum($a, 1) + -2 + 3.5 }";
        assertScope(line, "func", "storage.type.function.mcl");
        assertScope(line, "add", "entity.name.function.mcl");
        assertScope(line, "int", "support.type.mcl");
        assertScope(line, "math.sum", "entity.name.function.call.mcl");
        assertScope(line, "-2", "constant.numeric.integer.mcl");
        assertScope(line, "3.5", "constant.numeric.float.mcl");
        assertScope("class base:inner($x) {", "base:inner", "entity.name.type.class.mcl");
        assertScope("$t = true and not false", "true", "constant.language.boolean.mcl");
        assertScope("$t = true and not false", "and", "keyword.operator.word.mcl");
        assertScope("$v = $x <|> \"d\"", "<|>", "keyword.operator.mcl");
    }
}
