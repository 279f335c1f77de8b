package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.TestFiles;

/** {@code rx-lsp.toml} as {@code check} uses it, and in-source suppression comments. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void theFileChangesWhatCheckReportsAndFlagsOverrideIt() throws IOException {
        Path list = write("list.mcl", "$l = [1, 2]\n");
        write("vendor/broken.nix", "{");
        write("rx-lsp.toml", "mgmt-version = \"1.0\"\nexclude = [\"vendor/**\"]\n");
        CliRun withFile = CliRun.of("check", "--config", dir.resolve("rx-lsp.toml").toString(), dir.toString());
        assertEquals(1, withFile.status(), withFile.out());
        assertTrue(withFile.out().contains("list.mcl:1:"), "mgmt 1.0 from the file: " + withFile.out());
        assertTrue(!withFile.out().contains("broken.nix"), "excluded: " + withFile.out());
        CliRun flag = CliRun.of("check", "--config", dir.resolve("rx-lsp.toml").toString(), "--mgmt-version", "1.1", list.toString());
        assertEquals(0, flag.status(), "the flag wins: " + flag.out());
        assertEquals(1, CliRun.of("check", "--no-config", dir.resolve("vendor").toString()).status());
    }

    @Test
    void aBadFileStopsTheRunWithFileLineAndKey() throws IOException {
        Path config = write("rx-lsp.toml", "[severity]\nnix-missing-tokn = \"off\"\n");
        CliRun r = CliRun.of("check", "--config", config.toString(), dir.toString());
        assertEquals(2, r.status());
        assertEquals("rx-lsp: " + config + ":2: `severity.nix-missing-tokn`: unknown diagnostic code"
                + " (the codes are listed in the README, section Diagnostics)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void severitiesAndSuppressionsReachEveryFormat() throws IOException {
        write("rx-lsp.toml", "[severity]\nnix-duplicate-attribute = \"warning\"\nnix-undefined-variable = \"off\"\n");
        Path f = write("m.nix", "{\n  a = 1;\n  a = 2;\n  b = x;\n}\n");
        CliRun r = CliRun.of("check", "--config", dir.resolve("rx-lsp.toml").toString(), f.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("m.nix:3:3: warning: "), r.out());
        assertTrue(r.out().endsWith("1 file checked: 0 errors, 1 warning\n"), r.out());
        CliRun sarif = CliRun.of("check", "--format", "sarif", "--config", dir.resolve("rx-lsp.toml").toString(), f.toString());
        assertTrue(sarif.out().contains("\"level\": \"warning\"") && !sarif.out().contains("nix-undefined-variable\",\n      \"ruleIndex"),
                sarif.out());
    }

    @Test
    void suppressionCommentsWorkInNixMclAndMclInsideNix() throws IOException {
        Path nix = write("a.nix", "{\n  # rx-lsp: ignore nix-undefined-variable\n  a = x;\n  b = y;\n}\n");
        Path mcl = write("b.mcl", "# rx-lsp: ignore mcl-undefined-variable\n$a = $nope\n$b = $nope\n");
        Path embedded = write("c.nix", """
                { ... }:
                {
                  rx.mcl.raw = [ ''
                    # rx-lsp: ignore mcl-undefined-variable
                    $a = $nope
                    $b = $nope
                  '' ];
                }
                """);
        CliRun r = CliRun.of("check", "--no-config", nix.toString(), mcl.toString(), embedded.toString());
        long errors = r.out().lines().filter(l -> l.contains(": error: ")).count();
        assertEquals(3, errors, r.out());
        assertTrue(r.out().contains("a.nix:4:"), r.out());
        assertTrue(r.out().contains("b.mcl:3:"), r.out());
        assertTrue(r.out().contains("c.nix:6:"), r.out());
    }

    @Test
    void theFileIsFoundFromTheWorkingDirectoryUpToTheRepositoryRoot() throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        write("repo/rx-lsp.toml", "mgmt-version = \"1.0\"\n");
        Files.createDirectories(dir.resolve("repo/sub"));
        write("rx-lsp.toml", "bogus = 1\n"); // above the repository: never read
        assertEquals(java.util.Optional.of(dir.resolve("repo/rx-lsp.toml")), rxlsp.config.ProjectConfig.find(dir.resolve("repo/sub")));
        Files.delete(dir.resolve("repo/rx-lsp.toml"));
        assertEquals(java.util.Optional.empty(), rxlsp.config.ProjectConfig.find(dir.resolve("repo/sub")));
    }
}
