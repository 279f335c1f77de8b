package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.analysis.FileChecker;
import rxlsp.mcl.check.FileImports;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.text.Diagnostic;
import rxlsp.workspace.FileKind;

/** Standalone {@code .mcl} files on disk: the checks {@code rx-lsp check} runs, with imports next to the file. */
class MclSemanticFilesTest {
    @TempDir
    Path dir;

    private List<Diagnostic> check(Path file) throws IOException {
        try (FileChecker checker = new FileChecker()) {
            return checker.check(file.toString(), FileKind.MCL, Files.readAllBytes(file)).diagnostics();
        }
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void fileCheckerRunsTheSemanticStages() throws IOException {
        Path main = write("main.mcl", "$x = $y\ntest \"t\" {\n\tstringptr => 42,\n}\n");
        assertEquals(List.of("mcl-undefined-variable"), check(main).stream().map(Diagnostic::code).toList());
        Files.writeString(main, "test \"t\" {\n\tstringptr => 42,\n}\n");
        assertEquals(List.of("type"), check(main).stream().map(Diagnostic::stage).toList());
    }

    @Test
    void importsAreReadRelativeToTheFile() throws IOException {
        write("lib/util.mcl", "func double($x) { $x * 2 }\n");
        write("mod/metadata.yaml", "# a module\nmain: \"entry.mcl\"\nfiles: \"files/\"\n");
        write("mod/entry.mcl", "import \"../lib/util.mcl\"\n$four = util.double(2)\n");
        Path main = write("main.mcl", "import \"mod/\"\n$n int = $mod.four\n");
        assertEquals(List.of(), check(main));
    }

    @Test
    void brokenImportsAreClearDiagnostics() throws IOException {
        write("bad/metadata.yaml", "main: [\n");
        write("loop/main.mcl", "import \"../loop2/\"\n");
        write("loop2/main.mcl", "import \"../loop/\"\n");
        Path main = write("main.mcl", "import \"missing.mcl\"\nimport \"bad/\"\nimport \"loop/\"\n");
        List<Diagnostic> d = check(main);
        assertEquals(3, d.size(), d::toString);
        assertTrue(d.get(0).message().contains("cannot find"), d.get(0)::message);
        assertTrue(d.get(1).message().contains("metadata.yaml"), d.get(1)::message);
        assertTrue(d.get(2).message().contains("recursive import"), d.get(2)::message);
    }

    @Test
    void resolverNamesFilesByNormalizedPath() throws IOException {
        Path main = write("a/main.mcl", "");
        write("a/b/x.mcl", "$v = 1\n");
        ImportResolver r = new FileImports(main);
        var found = (ImportResolver.Found) r.resolve(null, "b/../b/./x.mcl");
        assertEquals(dir.resolve("a/b/x.mcl").toAbsolutePath().normalize().toString(), found.file());
    }

    /** Imports are read inside the program's folder: `..` or a symbolic link out of it is refused, and said so. */
    @Test
    void importsDoNotLeaveTheProgramsFolder() throws IOException {
        Path main = write("a/main.mcl", "");
        write("b/x.mcl", "$v = 1\n");
        Path secret = write("secret.mcl", "$s = 1\n");
        Files.createSymbolicLink(dir.resolve("a/link.mcl"), secret);
        ImportResolver r = new FileImports(main);
        var dotdot = (ImportResolver.Failed) r.resolve(null, "../b/x.mcl");
        assertTrue(dotdot.message().contains("outside the program's folder"), dotdot.message());
        var link = (ImportResolver.Failed) r.resolve(null, "link.mcl");
        assertTrue(link.message().contains("outside the program's folder"), link.message());
    }
}
