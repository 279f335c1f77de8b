package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The no-plugin route, intellij-plugin/user-defined-server/rx-lsp, against the shape LSP4IJ reads when a user
 * imports a template folder. The facts below are read from redhat-developer/lsp4ij at
 * d21cff925d36a476e1099420ccd9e8cd3e50fa18 (the commit the API stubs are pinned to):
 * launching/templates/LanguageServerTemplateManager.createLsTemplate (the file names; template.json required),
 * templates/ServerTemplate (the JSON property names), templates/ServerTemplateJsonDeserializer (id, name, url, dev,
 * fileTypeMappings[].fileType.{patterns,name}, fileTypeMappings[].languageId, languageMappings[].{language,
 * languageId}) and launching/templates/LanguageServerTemplateDeserializer (programArgs: a required object of
 * strings keyed by OS, workingDir, env, expandConfiguration, disablePromotionFor).
 */
class UserDefinedTemplateTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("rx.projectRoot", "../.."),
            "intellij-plugin/user-defined-server/rx-lsp");
    private static final Set<String> FILES_LSP4IJ_READS = Set.of("template.json", "settings.json", "settings.schema.json",
            "initializationOptions.json", "experimental.json", "clientSettings.json", "installer.json",
            "workspaceFolderSettings.json", "README.md");
    private static final Set<String> TEMPLATE_PROPERTIES = Set.of("id", "name", "url", "dev", "programArgs",
            "fileTypeMappings", "languageMappings", "workingDir", "env", "expandConfiguration", "disablePromotionFor");
    /** ServerTemplate's OS keys: "default", and the one of the running OS. */
    private static final Set<String> PROGRAM_ARGS_KEYS = Set.of("default", "windows", "mac", "unix");

    private static JsonObject json(String file) throws IOException {
        JsonElement element = JsonParser.parseString(Files.readString(TEMPLATE.resolve(file)));
        assertTrue(element.isJsonObject(), file + " must hold a JSON object");
        return element.getAsJsonObject();
    }

    @Test
    void everyFileIsOneLsp4ijReads() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATE)) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("template.json"), "template.json is required: " + names);
            for (String name : names) {
                assertTrue(FILES_LSP4IJ_READS.contains(name), name + " is not read by LSP4IJ's template import");
            }
        }
    }

    @Test
    void templateJsonHasTheDeserializersShape() throws IOException {
        JsonObject template = json("template.json");
        for (String property : template.keySet()) {
            assertTrue(TEMPLATE_PROPERTIES.contains(property), "LSP4IJ ignores template property " + property);
        }
        assertEquals("rx-lsp", template.get("id").getAsString());
        assertFalse(template.get("name").getAsString().isBlank());
        JsonObject programArgs = template.getAsJsonObject("programArgs"); // required: LSP4IJ dereferences it
        assertTrue(programArgs.has("default"), "a command for every OS");
        for (var entry : programArgs.entrySet()) {
            assertTrue(PROGRAM_ARGS_KEYS.contains(entry.getKey()), "unknown OS key " + entry.getKey());
            assertTrue(entry.getValue().getAsJsonPrimitive().isString());
            assertTrue(entry.getValue().getAsString().endsWith(" --stdio"), entry.getValue().getAsString());
        }
        List<String> patterns = new java.util.ArrayList<>();
        for (JsonElement mapping : template.getAsJsonArray("fileTypeMappings")) {
            JsonObject fileType = mapping.getAsJsonObject().getAsJsonObject("fileType");
            // Patterns only: a file type by name would tie the mapping to one Nix plugin's file type.
            assertFalse(fileType.has("name"), mapping.toString());
            fileType.getAsJsonArray("patterns").forEach(p -> patterns.add(p.getAsString()));
            assertTrue(mapping.getAsJsonObject().get("languageId").getAsJsonPrimitive().isString());
        }
        assertEquals(List.of("*.nix", "*.mcl"), patterns);
    }

    /** The plugin's defaults: nothing set, so the project's rx-lsp.toml is not overridden until the user says so. */
    @Test
    void theOptionsAreThePluginsDefaultsInTheServersShape() throws IOException {
        JsonElement defaults = JsonParser.parseString(new Gson().toJson(RxLspSettings.DEFAULT.initializationOptions()));
        assertEquals(defaults, json("initializationOptions.json"));
        assertEquals(defaults, json("settings.json"));
    }
}
