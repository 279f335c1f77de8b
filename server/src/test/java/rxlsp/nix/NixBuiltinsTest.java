package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rxlsp.testing.NixInstallation;

/**
 * Compares {@link NixBuiltins} with Nix 2.8 and with current Nix: every name rx-lsp resolves without a
 * binding is one that version accepts (2.8: its own list; current Nix: all of them), and every
 * builtin the version has is known under its top-level name.
 */
class NixBuiltinsTest {
    /** Names valid only with an experimental feature (flakes, fetch-closure) in both versions. */
    private static final Set<String> EXPERIMENTAL = Set.of("__getFlake", "__fetchClosure", "fetchTree");

    private record Run(int exit, String out) {
    }

    private static Run nix(NixInstallation nix, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(nix.nixInstantiate().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nix-instantiate hung");
        return new Run(p.exitValue(), out);
    }

    @ParameterizedTest
    @EnumSource(NixInstallation.Which.class)
    void everyNameIsAcceptedByNix(NixInstallation.Which which) throws Exception {
        NixInstallation nix = NixInstallation.require(which);
        List<String> names = new ArrayList<>(which == NixInstallation.Which.SYSTEM ? NixBuiltins.ofNix28() : NixBuiltins.names());
        names.removeAll(which == NixInstallation.Which.SYSTEM ? Set.of("__getFlake", "__fetchClosure") : EXPERIMENTAL);
        names.sort(null);
        Run run = nix(nix, "--parse", "-E", "[ " + String.join(" ", names) + " ]");
        assertEquals(0, run.exit(), nix.label() + ": " + run.out());
    }

    @ParameterizedTest
    @EnumSource(NixInstallation.Which.class)
    void everyBuiltinIsKnownUnderItsTopLevelName(NixInstallation.Which which) throws Exception {
        NixInstallation nix = NixInstallation.require(which);
        Run run = nix(nix, "--eval", "--json", "-E", "builtins.attrNames builtins");
        assertEquals(0, run.exit(), run.out());
        List<String> missing = new ArrayList<>();
        for (var name : JsonParser.parseString(run.out().strip()).getAsJsonArray()) {
            String n = name.getAsString();
            if (!NixBuiltins.isGlobal(n) && !NixBuiltins.isGlobal("__" + n)) {
                missing.add(n);
            }
        }
        assertTrue(missing.isEmpty(), nix.label() + " exposes builtins NixBuiltins lacks: " + missing);
    }
}
