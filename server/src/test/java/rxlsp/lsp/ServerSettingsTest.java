package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.analysis.DialectChoice;
import rxlsp.config.DiagnosticsScope;
import rxlsp.config.ProjectConfigReader;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;

/**
 * The client's settings over rx-lsp.toml's: the editors send only what their user set, so a key left out must keep
 * the file's value, and a key sent overrides it, also at the server's default.
 */
class ServerSettingsTest {
    @TempDir
    Path dir;

    private ServerSettings fromToml() throws Exception {
        Path toml = Files.writeString(dir.resolve("rx-lsp.toml"), """
                mgmt-version = "1.0"
                nix-version = "2.8"
                mgmt-docs = "docs.json"
                diagnostics-scope = "embedded"
                """);
        return ServerSettings.of(ProjectConfigReader.read(toml));
    }

    private static ServerSettings over(ServerSettings toml, String json, List<String> warnings) {
        return ServerSettings.from(JsonParser.parseString(json), toml, warnings::add);
    }

    @Test
    void keysLeftOutKeepTheFilesValues() throws Exception {
        ServerSettings toml = fromToml();
        List<String> warnings = new ArrayList<>();
        assertEquals(toml, over(toml, "{\"rx\": {}}", warnings));
        // runMgmtDocs alone leaves the file's mgmt-docs in place
        ServerSettings run = over(toml, "{\"rx\": {\"runMgmtDocs\": true}}", warnings);
        assertEquals(dir.resolve("docs.json"), run.catalog().mgmtDocs());
        assertTrue(run.catalog().runMgmtDocs());
        assertEquals(List.of(), warnings);
    }

    @Test
    void keysSentOverrideTheFileAlsoAtTheServersDefaults() throws Exception {
        ServerSettings toml = fromToml();
        assertEquals(DialectChoice.of(Dialect.MGMT_1_0), toml.mclDialect());
        assertEquals(NixVersion.NIX_2_8, toml.nixVersion());
        List<String> warnings = new ArrayList<>();
        ServerSettings set = over(toml, """
                {"rx": {"mgmtVersion": "auto", "nixVersion": "current", "diagnosticsScope": "all", "mgmtDocs": ""}}
                """, warnings);
        assertEquals(DialectChoice.auto(), set.mclDialect());
        assertEquals(NixVersion.CURRENT, set.nixVersion());
        assertEquals(DiagnosticsScope.ALL, set.policy().scope());
        assertNull(set.catalog().mgmtDocs());
        assertEquals(toml.policy().severities(), set.policy().severities());
        assertEquals(List.of(), warnings);
    }
}
