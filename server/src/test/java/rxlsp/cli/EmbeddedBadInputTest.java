package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.TestFiles;

/**
 * Broken and hostile rx.nix configurations: {@code check} and {@code render} answer with diagnostics
 * (exit status 0 or 1), never a crash, a hang or a usage error. The timeout only guards against a
 * hang; it is far above the real time.
 */
class EmbeddedBadInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.of(args));
    }

    private Path write(String name, String text) throws IOException {
        return TestFiles.write(dir, name, text);
    }

    private CliRun checkAndRender(Path root) {
        CliRun render = run("render", root.toString());
        assertEquals(0, render.status(), render.err());
        CliRun check = run("check", dir.toString());
        assertTrue(check.status() == 0 || check.status() == 1, check.err());
        assertTrue(check.err().isEmpty(), check.err());
        return check;
    }

    /** The same too-deep MCL is reported once, inside a Nix string as in a .mcl file (it was once per line). */
    @Test
    void tooDeepMclIsReportedOnceInsideNixAsInAnMclFile() throws IOException {
        StringBuilder mcl = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            mcl.append("if true {\n");
        }
        mcl.append("}\n".repeat(2_500));
        Path alone = write("deep.mcl", mcl.toString());
        Path nix = write("configuration.nix", "{ ... }:\n{\n  rx.mcl.raw = [ ''\n"
                + mcl.toString().lines().map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n") + "  '' ];\n}\n");
        for (Path p : List.of(alone, nix)) {
            // on a thread with the java launcher's default main-thread stack (1 MB), as bin/rx-lsp runs it
            CliRun[] r = new CliRun[1];
            Thread main = new Thread(null, () -> r[0] = CliRun.of("check", p.toString()), "main-like", 1L << 20);
            main.start();
            try {
                main.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(1, r[0].out().lines().filter(l -> l.contains("[mcl-too-deep]")).count(), p + ":\n" + r[0].out());
        }
    }

    @Test
    void unterminatedStringsAndInterpolations() throws IOException {
        Path a = write("configuration.nix", "{ rx.mcl.raw = [ ''\n  file \"/x\" {\n");
        assertTrue(checkAndRender(a).out().contains("error"));
        write("configuration.nix", "{ rx.mcl.raw = [ ''\n  $x = ${y\n'' ]; }\n");
        assertTrue(checkAndRender(a).out().contains("error"));
        write("configuration.nix", "{ rx.mcl.vars.x = \"1 ${\"; }\n");
        assertTrue(checkAndRender(a).out().contains("error"));
    }

    @Test
    void aOneMegabyteFragmentAndTenThousandFragments() throws IOException {
        String big = "$v = \"" + "x".repeat(1 << 20) + "\"\n";
        Path a = write("configuration.nix", "{ rx.mcl.raw = [ ''\n" + big + "'' ]; }\n");
        CliRun r = checkAndRender(a);
        assertEquals(0, r.status(), r.out());
        StringBuilder many = new StringBuilder("{ rx.mcl.raw = [\n");
        for (int i = 0; i < 10_000; i++) {
            many.append("  \"$v").append(i).append(" = ").append(i).append("\\n\"\n");
        }
        write("configuration.nix", many.append("]; }\n").toString());
        r = checkAndRender(a);
        assertEquals(0, r.status(), r.out());
    }

    @Test
    void importCyclesMissingFilesAndPathsOutsideTheFolder() throws IOException {
        Path a = write("configuration.nix", "{ imports = [ ./b.nix ./gone.nix ]; rx.mcl.raw = [ (builtins.readFile ./absent.mcl) (builtins.readFile /nonexistent/x.mcl) (builtins.readFile ../../outside.mcl) ]; }\n");
        write("b.nix", "{ imports = [ ./configuration.nix ./b.nix ]; rx.mcl.vars.b = \"1\"; }\n");
        CliRun r = checkAndRender(a);
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("warning: imported module `gone.nix` does not exist here"), r.out());
        // the module system collects imports without a visited set: a cycle is an infinite recursion
        assertEquals(2, r.out().lines().filter(l -> l.contains("error: this import closes a cycle")
                && l.endsWith("[nix-import-cycle]")).count(), r.out());
        assertTrue(r.out().contains("cannot read `absent.mcl`"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("[rx-missing-file]")).count(), r.out());
        // outside the checked folder and the working folder: not read, and said so
        assertEquals(2, r.out().lines().filter(l -> l.contains("is not read: outside the workspace") && l.contains("[rx-not-read]")).count(), r.out());
    }

    @Test
    void aModuleThatIsNotAnAttributeSetOrIsBinary() throws IOException {
        write("configuration.nix", "{ imports = [ ./weird.nix ./bin.nix ]; }\n");
        write("weird.nix", "import ./x.nix { rx.mcl.raw = 1; }\n");
        Files.write(dir.resolve("bin.nix"), new byte[] {0, 1, 2, (byte) 0xff, 0});
        CliRun r = run("check", dir.toString());
        assertTrue(r.status() == 1 || r.status() == 2, r.out() + r.err());
        assertTrue(!r.out().contains("Exception") && !r.err().contains("Exception"), r.out() + r.err());
    }
}
