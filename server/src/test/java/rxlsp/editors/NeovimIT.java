package rxlsp.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.protocol.Launchers;
import rxlsp.testing.ProjectPaths;

/**
 * A real Neovim LSP client (headless, no user configuration) against {@code bin/rx-lsp}: the
 * driver {@code editors/nvim-driver.lua} opens {@code test-fixtures/editors/broken.nix}, waits for
 * the syntax error, fixes it with a buffer edit, waits for the diagnostics to be cleared and stops
 * the client; see the driver for the details.
 */
class NeovimIT {
    static final String DIAGNOSTIC = "line=3 character=17 severity=1 code=nix-missing-token message=expected `;` before `src`";

    @Test
    void diagnosticsAppearAndClearInNeovim(@TempDir Path tmp) throws Exception {
        drive(tmp, "broken.nix", Map.of(), DIAGNOSTIC, "editor lnum=3 col=17 message=expected `;` before `src`");
    }

    /** MCL inside a Nix string: the error is found in the MCL and shown on the Nix line it is written on. */
    @Test
    void embeddedMclDiagnosticsAppearAndClearInNeovim(@TempDir Path tmp) throws Exception {
        String message = "missing `,` after resource field `state`: every resource field ends with a trailing comma";
        drive(tmp, "embedded.nix", Map.of("RX_E2E_FIX_LINE", "6", "RX_E2E_FIX_TEXT", "        state => \"exists\","),
                "line=6 character=25 severity=1 code=mcl-missing-comma message=" + message,
                "editor lnum=6 col=25 message=" + message);
    }

    /**
     * The README's Neovim 0.7 snippet as the init file, then hover, definition, rename, completion and a
     * quick fix inside the MCL of a Nix string (driver {@code editors/nvim-navigation.lua}); the 0.8
     * snippet must compile.
     */
    @Test
    void navigationWithTheReadmeSnippetInNeovim(@TempDir Path tmp) throws Exception {
        Path nvim = requireNeovim();
        Path init = Files.writeString(tmp.resolve("init.lua"), ReadmeSnippets.snippet("-- rx-lsp for Neovim 0.7", Launchers.rxLsp()));
        Path newer = Files.writeString(tmp.resolve("newer.lua"), ReadmeSnippets.snippet("-- rx-lsp for Neovim 0.8+", Launchers.rxLsp()));
        Path file = EditorProcess.fixture(tmp, "navigation.nix");
        var result = EditorProcess.run(tmp, neovimEnv(tmp, Map.of()),
                List.of(nvim.toString(), "--headless", "--clean", "-u", init.toString(), "-n",
                        "-c", "lua local f, e = loadfile('" + newer + "'); if not f then io.stdout:write('RX-E2E error 0.8 snippet: ' .. e .. '\\n') end",
                        "-c", "luafile " + EditorProcess.driver("nvim-navigation.lua"), file.getFileName().toString()));
        EditorProcess.assertExitStatus(result, 0);
        EditorProcess.assertReport(result, List.of(
                "client rx-lsp",
                Pattern.quote("hover ```mcl\\n$greeting str\\n```\\n\\n```mcl\\n$greeting = \"héllo\"\\n```\\n\\nfrom `rx.mcl.vars.greeting` in `navigation.nix`"),
                Pattern.quote("definition line=3 character=14"),
                Pattern.quote("renamed line4=  rx.mcl.vars.salute = ''\"héllo\"'';"),
                Pattern.quote("renamed line8=        msg => $salute,"),
                Pattern.quote("hover-after $salute str"),
                Pattern.quote("completed line8=        msg => $salute,"),
                Pattern.quote("code-action Change to `$salute`"),
                Pattern.quote("fixed line8=        msg => $salute,"),
                "fixed diagnostics=0",
                "done"));
    }

    private static Path requireNeovim() {
        Path nvim = ProjectPaths.onPath("nvim").orElse(null);
        ProjectPaths.requireTier(nvim != null, "nvim (Neovim 0.7 or newer) is not on PATH");
        String version = EditorProcess.versionLine(nvim);
        Matcher v = Pattern.compile("NVIM v(\\d+)\\.(\\d+).*").matcher(version == null ? "" : version);
        ProjectPaths.requireTier(v.matches() && (Integer.parseInt(v.group(1)) > 0 || Integer.parseInt(v.group(2)) >= 7),
                "Neovim 0.7 or newer is needed for the vim.lsp API the driver uses; " + nvim + " says: " + version);
        return nvim;
    }

    /** Neovim's logs and state stay in the temp dir. */
    private static Map<String, String> neovimEnv(Path tmp, Map<String, String> extra) throws java.io.IOException {
        Path xdg = Files.createDirectories(tmp.resolve("xdg"));
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.putAll(Map.of("RX_E2E_TIMEOUT_MS", Long.toString(EditorProcess.STEP_TIMEOUT.toMillis()),
                "XDG_CONFIG_HOME", xdg.toString(), "XDG_DATA_HOME", xdg.toString(),
                "XDG_STATE_HOME", xdg.toString(), "XDG_CACHE_HOME", xdg.toString()));
        return env;
    }

    private static void drive(Path tmp, String fixture, Map<String, String> fix, String diagnostic, String shown) throws Exception {
        Path nvim = requireNeovim();
        Path rxLsp = Launchers.rxLsp();
        Path file = EditorProcess.fixture(tmp, fixture);
        String original = Files.readString(file);
        Map<String, String> env = neovimEnv(tmp, fix);
        env.put("RX_LSP_CMD", rxLsp.toString());
        var result = EditorProcess.run(tmp, env,
                List.of(nvim.toString(), "--headless", "--clean", "-u", "NONE", "-n",
                        "-c", "luafile " + EditorProcess.driver("nvim-driver.lua"), file.getFileName().toString()));

        EditorProcess.assertExitStatus(result, 0);
        List<Matcher> m = EditorProcess.assertReport(result, List.of(
                "nvim \\d+\\.\\d+\\.\\d+",
                "diagnostics version=(\\d+) count=1",          // one diagnostic, for the version opened
                Pattern.quote("diagnostic " + diagnostic),     // e.g. line 4 (0-based 3), right after "1.0"
                "editor count=1",                              // Neovim took it into vim.diagnostic
                Pattern.quote(shown),
                "didChange version=(\\d+) .*",
                "cleared version=(\\d+)",                      // an empty publishDiagnostics after the edit
                "editor count=0",
                Pattern.quote("server-exit code=0 signal=0"),  // shutdown + exit, then status 0
                "done"));
        EditorProcess.assertOneDiagnosticFixedIncrementally(result, m, file, original);
    }
}
