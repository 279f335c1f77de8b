package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --mgmt-docs FILE}: the user's mgmt docs JSON replaces the built-in facts it covers. */
class MgmtDocsOptionTest {
    @TempDir
    Path dir;


    @Test
    void functionsTheDocsKnowAreAcceptedAndAMalformedFileIsAUsageError() throws IOException {
        Path mcl = dir.resolve("x.mcl");
        Files.writeString(mcl, "import \"fmt\"\n$x = fmt.shout(\"a\")\n$y = fmt.shout(1)\n");
        CliRun builtIn = CliRun.of("check", mcl.toString());
        assertEquals(1, builtIn.status(), builtIn.out());
        assertTrue(builtIn.out().contains("mcl-undefined-function"), builtIn.out());
        Path docs = dir.resolve("docs.json");
        Files.writeString(docs, """
                {"resources": {}, "functions": {"fmt.shout": {"name": "ShoutFunc",
                 "package": "fmt", "func": "shout", "file": "core/fmt/shout.go", "description": "",
                 "signature": "func(s str) str"}}}
                """);
        CliRun withDocs = CliRun.of("check", "--mgmt-docs", docs.toString(), mcl.toString());
        assertEquals(1, withDocs.status(), withDocs.out() + withDocs.err());
        assertTrue(withDocs.out().contains("expected str, found int"), withDocs.out());
        Files.writeString(docs, "{\"functions\": [");
        CliRun malformed = CliRun.of("check", "--mgmt-docs", docs.toString(), mcl.toString());
        assertEquals(2, malformed.status());
        assertTrue(malformed.err().contains("mgmt docs file") && malformed.err().contains("not valid JSON at line 1, column 16"), malformed.err());
    }

    @Test
    void unusableFilesAreDescribedInTheUsersTermsAndEmptyOnesRefused() throws IOException {
        Path mcl = dir.resolve("x.mcl");
        Files.writeString(mcl, "$x = 1\n");
        Path docs = dir.resolve("docs.json");
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("", "the file is empty");
        expected.put("  \n", "the file is empty");
        expected.put("{}", "it has neither `functions` nor `resources`");
        expected.put("[1, 2]", "found an array at the top level");
        expected.put("{functions: {}}", "not valid JSON at line 1, column 3");
        expected.put("{\"functions\": {}} trailing", "not valid JSON at line 1, column 20");
        for (var e : expected.entrySet()) {
            Files.writeString(docs, e.getKey());
            CliRun r = CliRun.of("check", "--mgmt-docs", docs.toString(), mcl.toString());
            assertEquals(2, r.status(), e.getKey());
            assertTrue(r.err().contains(e.getValue()) && r.err().contains("mgmt docs generate --output FILE"), e.getKey() + " -> " + r.err());
            assertTrue(!r.err().contains("JsonReader") && !r.err().contains("Strictness") && !r.err().contains("Exception"), r.err());
        }
        CliRun missing = CliRun.of("check", "--mgmt-docs", dir.resolve("nope.json").toString(), mcl.toString());
        assertTrue(missing.err().contains("there is no such file"), missing.err());
    }

    @Test
    void golangPackagesAreCheckedOnlyWhenTheDocsListThem() throws IOException {
        Path mcl = dir.resolve("g.mcl");
        Files.writeString(mcl, "import \"golang/strings\"\n$x = strings.to_lower(1)\n");
        CliRun unlisted = CliRun.of("check", mcl.toString());
        assertEquals(0, unlisted.status(), unlisted.out()); // generated at mgmt's build time: unknown without the docs
        Path docs = dir.resolve("docs.json");
        Files.writeString(docs, """
                {"resources": {}, "functions": {"golang/strings.to_lower": {"name": "StringsToLower",
                 "package": "golang/strings", "func": "to_lower", "file": "strings.go", "description": "",
                 "signature": "func(s str) str"}}}
                """);
        CliRun listed = CliRun.of("check", "--mgmt-docs", docs.toString(), mcl.toString());
        assertEquals(1, listed.status(), listed.out() + listed.err());
        assertTrue(listed.out().contains("expected str, found int"), listed.out());
    }
}
