package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/**
 * Compares {@link NixBuiltins} with the installed Nix when it is the version the list was taken from
 * (2.8); other versions add or remove builtins, so the comparison is skipped for them.
 */
class NixBuiltinsTest {
    private static final String VERSION = "(Nix) 2.8.";
    /** Names valid only with an experimental feature, or not bindings at all. */
    private static final List<String> SPECIAL = List.of("__getFlake", "__fetchClosure", "__curPos");

    private record Run(int exit, String out) {
    }

    private static Run nix(String... args) throws IOException, InterruptedException {
        Optional<Path> exe = ProjectPaths.onPath("nix-instantiate");
        ProjectPaths.requireTier(exe.isPresent(), "nix-instantiate is not installed (Debian package nix-bin)");
        List<String> command = new ArrayList<>(List.of(exe.get().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nix-instantiate hung");
        return new Run(p.exitValue(), out);
    }

    private static void assumeNix28() throws IOException, InterruptedException {
        String version = nix("--version").out().strip();
        Assumptions.assumeTrue(version.contains(VERSION), "installed Nix is " + version + ", not 2.8: builtins not compared");
    }

    @Test
    void everyNameIsAcceptedByNix() throws Exception {
        assumeNix28();
        List<String> names = new ArrayList<>(NixBuiltins.names());
        names.removeAll(SPECIAL);
        names.sort(null);
        Run run = nix("--parse", "-E", "[ " + String.join(" ", names) + " ]");
        assertEquals(0, run.exit(), run.out());
    }

    @Test
    void everyBuiltinIsKnownUnderItsTopLevelName() throws Exception {
        assumeNix28();
        Run run = nix("--eval", "--json", "-E", "builtins.attrNames builtins");
        assertEquals(0, run.exit(), run.out());
        String json = run.out().strip();
        List<String> missing = new ArrayList<>();
        for (String quoted : json.substring(1, json.length() - 1).split(",")) {
            String name = quoted.substring(1, quoted.length() - 1);
            if (!NixBuiltins.isGlobal(name) && !NixBuiltins.isGlobal("__" + name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "builtins Nix exposes but NixBuiltins lacks: " + missing);
    }
}
