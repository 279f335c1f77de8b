package rxlsp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;
import rxlsp.workspace.FileKind;

class ProjectConfigReaderTest {
    private static final Path FILE = Path.of("/repo/rx-lsp.toml");

    @Test
    void everyKeyIsRead() throws ConfigException {
        ProjectConfig c = ProjectConfigReader.parse(FILE, """
                # the team's settings
                mgmt-version = "1.0"
                nix-version = "current"
                mgmt-docs = "ci/mgmt-docs.json"
                diagnostics-scope = "embedded"
                exclude = ["vendor/**", "hosts/*/hardware.nix"]

                [severity]
                rx-map-value = "error"
                nix-undefined-variable = "off"
                """);
        assertEquals(Optional.of(FILE), c.file());
        assertEquals(Optional.of(Dialect.MGMT_1_0), c.mclDialect());
        assertEquals(Optional.of(rxlsp.embed.NixVersion.CURRENT), c.nixVersion());
        assertEquals(Optional.of(Path.of("/repo/ci/mgmt-docs.json")), c.mgmtDocs());
        assertEquals(DiagnosticsScope.EMBEDDED, c.policy().scope());
        assertEquals(Optional.of(Severity.ERROR), c.policy().severities().get("rx-map-value"));
        assertEquals(Optional.empty(), c.policy().severities().get("nix-undefined-variable"));
        assertTrue(c.excludes().excludes(Path.of("/repo/vendor/x/y.nix")));
        assertTrue(c.excludes().excludes(Path.of("/repo/hosts/a/hardware.nix")));
        assertTrue(!c.excludes().excludes(Path.of("/repo/hosts/a/default.nix")));
        assertEquals(ProjectConfig.NONE.policy(), ProjectConfigReader.parse(FILE, "").policy(), "an empty file changes nothing");
    }

    @Test
    void mistakesNameTheFileTheLineAndTheKey() {
        assertError("mgmt-version = \"1.1\"\nmgmt-versoin = \"1.0\"\n", "/repo/rx-lsp.toml:2: `mgmt-versoin`: unknown key");
        assertError("\n\nmgmt-version = \"2.0\"\n", "/repo/rx-lsp.toml:3: `mgmt-version`: mgmt 2.0 is newer");
        assertError("mgmt-version = 1.1\n", "/repo/rx-lsp.toml:1: `mgmt-version`: must be a string");
        assertError("nix-version = \"2.18\"\n", "/repo/rx-lsp.toml:1: `nix-version`: `2.18` is not a Nix version rx-lsp knows: expected 2.8 or current");
        assertError("diagnostics-scope = \"mcl\"\n", "/repo/rx-lsp.toml:1: `diagnostics-scope`: `mcl` is not a scope");
        assertError("exclude = \"vendor\"\n", "/repo/rx-lsp.toml:1: `exclude`: must be a list");
        assertError("[severity]\nrx-map-value = \"loud\"\n", "/repo/rx-lsp.toml:2: `severity.rx-map-value`: expected \"error\"");
        assertError("[severity]\n\nnix-undefined = \"off\"\n", "/repo/rx-lsp.toml:3: `severity.nix-undefined`: unknown diagnostic code");
        assertError("severity = \"off\"\n", "/repo/rx-lsp.toml:1: `severity`: must be a table");
        assertError("a = [\n", "/repo/rx-lsp.toml:2: not valid TOML");
    }

    private static void assertError(String text, String expectedStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> ProjectConfigReader.parse(FILE, text));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void thePolicyAppliesScopeSuppressionsAndSeverities() {
        String text = "{\n  # rx-lsp: ignore nix-undefined-variable\n  a = x;\n  b = y;\n}\n";
        LineIndex lines = LineIndex.of(text);
        Diagnostic onA = Diagnostic.error(new TextRange(text.indexOf("x;"), text.indexOf("x;") + 1), "nix", "scope", "nix-undefined-variable", "x");
        Diagnostic onB = Diagnostic.error(new TextRange(text.indexOf("y;"), text.indexOf("y;") + 1), "nix", "scope", "nix-undefined-variable", "y");
        Diagnostic rx = new Diagnostic(new TextRange(0, 1), Severity.WARNING, "rx", "syntax", "rx-map-value", "m", List.of());
        assertEquals(List.of(onB, rx), DiagnosticPolicy.DEFAULT.apply(FileKind.NIX, lines, List.of(onA, onB, rx)), "the comment covers the next line only");
        DiagnosticPolicy embedded = new DiagnosticPolicy(DiagnosticsScope.EMBEDDED, java.util.Map.of("rx-map-value", Optional.of(Severity.ERROR)));
        List<Diagnostic> kept = embedded.apply(FileKind.NIX, lines, List.of(onA, onB, rx));
        assertEquals(1, kept.size());
        assertEquals(Severity.ERROR, kept.getFirst().severity());
        assertEquals(List.of(onB), embedded.apply(FileKind.MCL, lines, List.of(onB)), "the scope concerns .nix files only");
        assertEquals(java.util.Set.of("a-b", "c"), Suppressions.codesIn("x = 1; # rx-lsp: ignore a-b, c"));
    }
}
