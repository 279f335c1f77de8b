package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.Main;
import rxlsp.text.DiagnosticCodes;
import rxlsp.testing.TestFiles;

/** The output formats and exit policy of {@code check}: SARIF, GitHub annotations, --fail-on, --max-warnings, --stdin. */
class CheckFormatsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    private static JsonObject sarif(CliRun r) {
        return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
    }

    @Test
    void sarifDeclaresUtf16ColumnsAndListsEveryCodeAsARule() throws IOException {
        Path bad = write("bad.nix", "{ s = \"😀\"; b = ; }\n");
        JsonObject run = sarif(CliRun.of("check", "--format", "sarif", bad.toString()));
        assertEquals("utf16CodeUnits", run.get("columnKind").getAsString());
        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        assertEquals(DiagnosticCodes.all().size(), rules.size());
        JsonObject rule = rules.get(0).getAsJsonObject();
        assertTrue(rule.get("helpUri").getAsString().contains("README.md#"), rule.toString());
        assertTrue(rule.getAsJsonObject("defaultConfiguration").has("level"));
        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("nix-missing-token", result.get("ruleId").getAsString());
        assertEquals("nix-missing-token", rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString());
        JsonObject region = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                .getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertEquals(1, region.get("startLine").getAsInt());
        assertEquals(16, region.get("startColumn").getAsInt(), "1-based, the emoji counts two UTF-16 units");
    }

    @Test
    void sarifFingerprintsFollowTheLineNotItsNumber() throws IOException {
        Path f = write("f.nix", "{\n  a = 1;\n  a = 2;\n  b = x;\n  c = x;\n}\n");
        JsonObject before = sarif(CliRun.of("check", "--format", "sarif", f.toString()));
        Files.writeString(f, "# a comment\n\n{\n  a = 1;\n  a = 2;\n  b = x;\n  c = x;\n}\n");
        JsonObject after = sarif(CliRun.of("check", "--format", "sarif", f.toString()));
        List<String> a = fingerprints(before);
        assertEquals(3, a.size());
        assertEquals(a, fingerprints(after));
        assertEquals(3, new HashSet<>(a).size(), "two `x` on different lines, and the duplicate, are three alerts");
        Files.writeString(f, "{\n  a = 1;\n  a = 3;\n  b = x;\n  c = x;\n}\n");
        assertNotEquals(a, fingerprints(sarif(CliRun.of("check", "--format", "sarif", f.toString()))), "an edited line is a new alert");
    }

    private static List<String> fingerprints(JsonObject run) {
        return run.getAsJsonArray("results").asList().stream()
                .map(r -> r.getAsJsonObject().getAsJsonObject("partialFingerprints").get(SarifFormat.FINGERPRINT).getAsString())
                .toList();
    }

    @Test
    void sarifRelatedLocationsPointAtTheOtherPlace() throws IOException {
        Path f = write("dup.nix", "{\n  a = 1;\n  a = 2;\n}\n");
        JsonObject result = sarif(CliRun.of("check", "--format", "sarif", f.toString())).getAsJsonArray("results").get(0).getAsJsonObject();
        JsonArray related = result.getAsJsonArray("relatedLocations");
        assertEquals(1, related.size(), result.toString());
        JsonObject region = related.get(0).getAsJsonObject().getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertEquals(2, region.get("startLine").getAsInt());
    }

    @Test
    void githubAnnotationsEscapeAsTheRunnerRequires() throws IOException {
        Path f = write("a,b:c.nix", "{\n  b = ;\n}\n");
        CliRun r = CliRun.of("check", "--format", "github", f.toString());
        assertEquals(1, r.status());
        String line = r.out().lines().findFirst().orElseThrow();
        assertTrue(line.startsWith("::error file=" + dir.toString().replace(":", "%3A").replace(",", "%2C") + "/a%2Cb%3Ac.nix,line=2,col="), line);
        assertTrue(line.contains(",endLine=2,endColumn=") && line.contains(",title=nix-missing-token::"), line);
        assertEquals("100%25%0Aa:b,c%0D", GithubFormat.data("100%\na:b,c\r"));
        assertEquals("a%3Ab%2Cc%25", GithubFormat.property("a:b,c%"));
    }

    @Test
    void failOnAndMaxWarningsDecideTheExitStatus() throws IOException {
        Path warning = dir.resolve("w.nix");
        Files.write(warning, new byte[] {'"', (byte) 0xFF, '"'}); // invalid UTF-8: a warning only
        Path error = write("e.nix", "{");
        assertEquals(0, CliRun.of("check", warning.toString()).status());
        assertEquals(1, CliRun.of("check", "--fail-on", "warning", warning.toString()).status());
        assertEquals(0, CliRun.of("check", "--fail-on", "never", error.toString()).status());
        assertEquals(1, CliRun.of("check", "--fail-on", "error", error.toString()).status());
        assertEquals(1, CliRun.of("check", "--max-warnings", "0", warning.toString()).status());
        assertEquals(0, CliRun.of("check", "--max-warnings", "1", warning.toString()).status());
        assertEquals(2, CliRun.of("check", "--fail-on", "sometimes", warning.toString()).status());
        assertEquals(2, CliRun.of("check", "--max-warnings", "-1", warning.toString()).status());
    }

    @Test
    void stdinIsCheckedUnderTheGivenName() throws IOException {
        write("sub/helper.mcl", "$h = 1\n");
        String program = "import \"helper.mcl\"\n$x = [1, 2]\n$y = $helper.h\n";
        CliRun r = run(program, "check", "--stdin", "--stdin-filename", dir.resolve("sub/main.mcl").toString());
        assertEquals("1 file checked: 0 errors, 0 warnings\n", r.out(), r.err()); // MCL by its extension, its import found next to it
        CliRun elsewhere = run(program, "check", "--stdin", "--stdin-filename", dir.resolve("main.mcl").toString());
        assertTrue(elsewhere.out().contains("main.mcl:1:1: error: local import of `helper.mcl` failed"), elsewhere.out());
        CliRun nix = run("{ a = ; }", "check", "--stdin");
        assertEquals(1, nix.status());
        assertTrue(nix.out().startsWith("<stdin>:1:6: error: "), nix.out());
        assertEquals(2, run("", "check", "--stdin", dir.toString()).status(), "--stdin takes no PATH");
        assertEquals(2, run("", "check", "--stdin-filename", "x.nix", dir.toString()).status(), "--stdin-filename needs --stdin");
    }

    private static CliRun run(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsComeWithTheUsageAndJobsMustBePositive() {
        for (String jobs : List.of("0", "-1", "many")) {
            CliRun r = CliRun.of("check", "-j", jobs, dir.toString());
            assertEquals(2, r.status(), jobs);
            assertTrue(r.err().contains("Usage: rx-lsp check"), r.err());
            assertTrue(r.out().isEmpty(), r.out());
        }
        assertEquals(0, CliRun.of("check", "-j2", dir.toString()).status());
        assertTrue(CliRun.of("check").err().contains("no PATH given"));
        assertTrue(CliRun.of("check", "--bogus", "x").err().contains("unknown option `--bogus`"));
        assertTrue(CliRun.of("frobnicate").err().contains("Usage: rx-lsp"));
    }

    @Test
    void theSummaryNeverHidesAPathThatWasNotChecked() throws IOException {
        Path ok = write("ok.nix", "{ }\n");
        CliRun r = CliRun.of("check", ok.toString(), dir.resolve("missing.nix").toString());
        assertEquals(2, r.status());
        assertEquals("1 file checked, 1 path not checked (see the messages above): 0 errors, 0 warnings\n", r.out());
        assertTrue(r.err().contains("missing.nix: no such file or directory"), r.err());
    }

    @Test
    void theSummaryShowsTheAssembledConfigurations() throws IOException {
        Path demo = rxlsp.testing.ProjectPaths.root().resolve("demo");
        CliRun r = CliRun.of("check", demo.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("3 files checked: 0 errors, 0 warnings", lines.get(0));
        assertTrue(lines.get(1).matches("1 rx\\.nix configuration assembled from 2 modules with \\d+ MCL fragments; "
                + "print the main\\.mcl rx\\.nix generates with `rx-lsp render .*configuration\\.nix`"), lines.get(1));
        write("plain/a.nix", "{ imports = [ ./b.nix ]; }\n");
        write("plain/b.nix", "{ services.x.enable = true; }\n");
        assertEquals("2 files checked: 0 errors, 0 warnings\n", CliRun.of("check", dir.resolve("plain").toString()).out(),
                "modules without rx.nix options assemble nothing");
    }
}
