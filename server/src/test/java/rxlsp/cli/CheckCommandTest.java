package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.Main;
import rxlsp.testing.TestFiles;

class CheckCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void cleanFileExitsZero() throws IOException {
        Path ok = write("ok.nix", "{ a = 1; }\n");
        Run r = run("check", ok.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("1 file checked: 0 errors, 0 warnings\n", r.out());
    }

    @Test
    void errorsExitOneWithOneLinePerDiagnostic() throws IOException {
        Path bad = write("bad.nix", "{\n  a = 1\n}\n");
        Run r = run("check", bad.toString());
        assertEquals(1, r.status());
        assertEquals(bad + ":2:8: error: expected `;` after the binding [nix-missing-token]\n"
                + "1 file checked: 1 error, 0 warnings\n", r.out());
    }

    @Test
    void dashDashCheckIsAnAlias() throws IOException {
        Path bad = write("bad.nix", "{");
        assertEquals(1, run("--check", bad.toString()).status());
    }

    @Test
    void usageAndIoErrorsExitTwo() {
        Run missing = run("check", dir.resolve("nope.nix").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.nix: no such file or directory"), missing.err());
        assertEquals(2, run("check").status(), "no PATH");
        assertEquals(2, run("check", "--format", "xml", dir.toString()).status());
        assertEquals(2, run("--bogus").status());
    }

    @Test
    void mgmtVersionChoosesTheMclDialect() throws IOException {
        Path list = write("list.mcl", "$l = [1, 2]\n");
        assertEquals(0, run("check", list.toString()).status(), "mgmt 1.1: single-line lists take no trailing comma");
        Run old = run("check", "--mgmt-version", "1.0", list.toString());
        assertEquals(1, old.status(), "mgmt 1.0: every list element ends with a comma");
        assertTrue(old.out().contains("list.mcl:1:"), old.out());
        assertEquals(0, run("check", "--mgmt-version", "1.0.2", write("ok.mcl", "$l = [1, 2,]\n").toString()).status());
        Run bad = run("check", "--mgmt-version", "0.9", list.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("not an mgmt version rx-lsp knows"), bad.err());
        for (String newer : List.of("1.2", "2.0", "9.9", "1.1.1")) {
            Run r = run("check", "--mgmt-version", newer, list.toString());
            assertEquals(2, r.status(), newer);
            assertTrue(r.err().contains("newer than the releases rx-lsp knows"), r.err());
        }
        assertEquals(0, run("check", "--mgmt-version", "1.1.0-140", list.toString()).status());
    }

    @Test
    void versionPrints() {
        Run r = run("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("rx-lsp "), r.out());
    }

    @Test
    void jsonListsEveryFileWithLspPositions() throws IOException {
        write("a/clean.nix", "{ }\n");
        write("a/bad.nix", "{ s = \"😀\"; b = ; }\n");
        write("a/x.mcl", "$x = 1\n");
        Run r = run("check", "--format", "json", dir.resolve("a").toString());
        assertEquals(1, r.status());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, doc.get("version").getAsInt());
        var files = doc.getAsJsonArray("files");
        assertEquals(3, files.size());
        assertEquals(dir.resolve("a") + "/bad.nix", files.get(0).getAsJsonObject().get("path").getAsString());
        assertEquals(0, files.get(1).getAsJsonObject().getAsJsonArray("diagnostics").size());
        JsonObject d = files.get(0).getAsJsonObject().getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        // `b = ;`: the missing expression sits after `=`, at UTF-16 column 15 (the emoji counts 2)
        assertEquals(0, d.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
        assertEquals(15, d.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
        assertEquals("error", d.get("severity").getAsString());
        assertEquals("nix", d.get("source").getAsString());
        assertEquals("syntax", d.get("stage").getAsString());
        assertEquals("nix-missing-token", d.get("code").getAsString());
        JsonObject summary = doc.getAsJsonObject("summary");
        assertEquals(3, summary.get("files").getAsInt());
        assertEquals(1, summary.get("errors").getAsInt());
    }

    /** A place in another file keeps that file's path; one in the same file, its own. */
    @Test
    void jsonListsRelatedPlacesAcrossFiles() throws IOException {
        // the module system merges other.nix (imported) before configuration.nix: the error is on the latter
        Path root = write("c/configuration.nix", "{ ... }:\n{\n  imports = [ ./other.nix ];\n  rx.mcl.vars.port = \"8080\";\n}\n");
        write("c/other.nix", "{ ... }:\n{\n  rx.mcl.vars.port = \"9090\";\n}\n");
        Run r = run("check", "--format", "json", dir.resolve("c").toString());
        assertEquals(1, r.status(), r.out());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject file = doc.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(root.toString(), file.get("path").getAsString());
        JsonObject d = file.getAsJsonArray("diagnostics").get(0).getAsJsonObject();
        assertEquals("rx-conflicting-definitions", d.get("code").getAsString());
        JsonObject related = d.getAsJsonArray("related").get(0).getAsJsonObject();
        assertTrue(related.get("path").getAsString().endsWith("c/other.nix"), related.toString());
        assertEquals(2, related.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
        assertEquals(14, related.getAsJsonObject("range").getAsJsonObject("start").get("character").getAsInt());
        assertEquals("also defined here", related.get("message").getAsString());
    }

    @Test
    void walkingSkipsGitNodeModulesAndResultLinksAndSurvivesLoops() throws IOException {
        write("src/m.nix", "{ }");
        write("src/.git/x.nix", "{");
        write("src/node_modules/y.nix", "{");
        write("store/z.nix", "{");
        Files.createSymbolicLink(dir.resolve("src/result"), dir.resolve("store"));
        Files.createSymbolicLink(dir.resolve("src/loop"), dir.resolve("src"));
        write("src/dir.nix/inner.nix", "{ }");
        Run r = run("check", dir.resolve("src").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().endsWith("2 files checked: 0 errors, 0 warnings\n"), r.out());
        assertTrue(r.err().contains("symbolic link loop"), r.err());
    }

    @Test
    void outputIsSortedAndStableAcrossRuns() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("many/f" + (i * 7 % 40) + ".nix", i % 3 == 0 ? "{" : "{ }");
        }
        String first = run("check", "-j", "4", dir.resolve("many").toString()).out();
        for (int i = 0; i < 3; i++) {
            assertEquals(first, run("check", "-j", "4", dir.resolve("many").toString()).out());
        }
        var paths = first.lines().filter(l -> l.contains(": error: ")).map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(paths.stream().sorted().toList(), paths);
    }

    @Test
    void badInputGetsDiagnosticsNotCrashes() throws IOException {
        Path binary = dir.resolve("bin.nix");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2});
        Path bom = dir.resolve("bom.nix");
        Files.write(bom, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', ' ', '}'});
        Path invalid = dir.resolve("invalid.nix");
        Files.write(invalid, new byte[] {'"', (byte) 0xFF, '"'});
        Path deep = write("deep.nix", "[".repeat(10_000) + "]".repeat(10_000));
        Path big = write("big.nix", "{\n" + bigAttrset(10 * 1024 * 1024) + "}\n");
        Path crlf = write("crlf.nix", "{\r\n  a = 1;\r\n}\r\n");
        Files.createDirectories(dir.resolve("folder.nix"));
        Run r = run("check", binary.toString(), bom.toString(), invalid.toString(), deep.toString(), big.toString(),
                crlf.toString(), dir.resolve("folder.nix").toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().contains("bin.nix:1:1: error: binary file"), r.out());
        assertTrue(r.out().contains("bom.nix:1:1: error: the file starts with a byte order mark"), r.out());
        assertTrue(r.out().contains("invalid.nix:1:1: warning: the file is not valid UTF-8"), r.out());
        assertTrue(r.out().contains("deep.nix:1:1: error: nesting deeper than"), r.out());
        assertTrue(!r.out().contains("big.nix:") && !r.out().contains("crlf.nix:"), r.out());
        assertTrue(r.out().endsWith("6 files checked: 3 errors, 1 warning\n"), r.out());
    }

    private static String bigAttrset(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 64);
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("  a").append(i).append(" = \"value ").append(i).append("\";\n");
        }
        return sb.toString();
    }
}
