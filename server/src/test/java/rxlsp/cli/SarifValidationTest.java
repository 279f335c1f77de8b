package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.ProjectPaths;

/** {@code check --format sarif} is valid SARIF 2.1.0 by Microsoft's validator and by the JSON schema. */
class SarifValidationTest {
    @TempDir
    Path dir;

    @Test
    void outputOverTheFixturesIsValidAndACorruptedLogIsNot() throws Exception {
        SarifTools tools = new SarifTools();
        // syntax and scope errors (with related locations), MCL and rx.nix findings, a path with a
        // space and non-ASCII characters (percent-encoded in the URI)
        Path odd = dir.resolve("with space ü.nix");
        Files.writeString(odd, "{ a = 1; a = 2; s = \"😀\"; b = ; }\n");
        Path fixtures = ProjectPaths.fixtures();
        CliRun r = CliRun.of("check", "--format", "sarif", fixtures.resolve("nix/scope").toString(),
                fixtures.resolve("rx").toString(), fixtures.resolve("mcl").toString(), odd.toString());
        assertEquals(1, r.status(), r.err());
        Path sarif = dir.resolve("out.sarif");
        Files.writeString(sarif, r.out());
        assertTrue(r.out().contains("\"relatedLocations\""), "the fixtures include findings with related locations");
        assertTrue(r.out().contains("with%20space%20%C3%BC.nix"), "paths are URIs");

        assertEquals(List.of(), tools.multitoolFindings(sarif));
        SarifTools.Outcome schema = tools.schemaCheck(sarif);
        assertEquals(0, schema.status(), schema.output());

        // both validators can fail: a wrong version and a 0 line are errors for each
        Path corrupted = dir.resolve("corrupted.sarif");
        Files.writeString(corrupted, r.out().replace("\"version\": \"2.1.0\"", "\"version\": \"2.2\"")
                .replaceFirst("\"startLine\": \\d+", "\"startLine\": 0"));
        assertFalse(tools.multitoolFindings(corrupted).isEmpty(), "the multitool rejects a corrupted log");
        assertEquals(1, tools.schemaCheck(corrupted).status(), "the schema rejects a corrupted log");
    }

    @Test
    void anEmptyRunIsValidToo() throws IOException, InterruptedException {
        SarifTools tools = new SarifTools();
        Path ok = dir.resolve("ok.nix");
        Files.writeString(ok, "{ }\n");
        CliRun r = CliRun.of("check", "--format", "sarif", ok.toString());
        assertEquals(0, r.status(), r.err());
        Path sarif = dir.resolve("empty.sarif");
        Files.writeString(sarif, r.out());
        assertEquals(List.of(), tools.multitoolFindings(sarif));
        assertEquals(0, tools.schemaCheck(sarif).status());
    }
}
