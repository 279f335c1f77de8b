package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.Main;

/** {@code check --mgmt-docs FILE}: the user's mgmt docs JSON replaces the built-in facts it covers. */
class MgmtDocsOptionTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void functionsTheDocsKnowAreAcceptedAndAMalformedFileIsAUsageError() throws IOException {
        Path mcl = dir.resolve("x.mcl");
        Files.writeString(mcl, "import \"fmt\"\n$x = fmt.shout(\"a\")\n$y = fmt.shout(1)\n");
        String[] builtIn = run("check", mcl.toString());
        assertEquals("1", builtIn[0], builtIn[1]);
        assertTrue(builtIn[1].contains("mcl-undefined-function"), builtIn[1]);
        Path docs = dir.resolve("docs.json");
        Files.writeString(docs, """
                {"resources": {}, "functions": {"fmt.shout": {"name": "ShoutFunc",
                 "package": "fmt", "func": "shout", "file": "core/fmt/shout.go", "description": "",
                 "signature": "func(s str) str"}}}
                """);
        String[] withDocs = run("check", "--mgmt-docs", docs.toString(), mcl.toString());
        assertEquals("1", withDocs[0], withDocs[1] + withDocs[2]);
        assertTrue(withDocs[1].contains("expected str, found int"), withDocs[1]);
        Files.writeString(docs, "{\"functions\": [");
        String[] malformed = run("check", "--mgmt-docs", docs.toString(), mcl.toString());
        assertEquals("2", malformed[0]);
        assertTrue(malformed[2].contains("mgmt docs file") && malformed[2].contains("malformed"), malformed[2]);
    }

    @Test
    void golangPackagesAreCheckedOnlyWhenTheDocsListThem() throws IOException {
        Path mcl = dir.resolve("g.mcl");
        Files.writeString(mcl, "import \"golang/strings\"\n$x = strings.to_lower(1)\n");
        String[] unlisted = run("check", mcl.toString());
        assertEquals("0", unlisted[0], unlisted[1]); // generated at mgmt's build time: unknown without the docs
        Path docs = dir.resolve("docs.json");
        Files.writeString(docs, """
                {"resources": {}, "functions": {"golang/strings.to_lower": {"name": "StringsToLower",
                 "package": "golang/strings", "func": "to_lower", "file": "strings.go", "description": "",
                 "signature": "func(s str) str"}}}
                """);
        String[] listed = run("check", "--mgmt-docs", docs.toString(), mcl.toString());
        assertEquals("1", listed[0], listed[1] + listed[2]);
        assertTrue(listed[1].contains("expected str, found int"), listed[1]);
    }
}
