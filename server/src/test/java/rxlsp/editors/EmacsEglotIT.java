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
 * A real Emacs with eglot (in batch mode) against {@code bin/rx-lsp}: the driver
 * {@code editors/eglot-driver.el} visits {@code test-fixtures/editors/broken.nix} in a minimal
 * nix-mode, connects eglot, waits for the syntax error (as published and as flymake shows it),
 * fixes it by inserting the {@code ;} with ordinary buffer commands, waits for the diagnostics to
 * be cleared and shuts eglot's server down; see the driver for the details.
 */
class EmacsEglotIT {
    /** The driver's exit status when {@code (require 'eglot)} fails. */
    static final int NO_EGLOT = 4;

    @Test
    void diagnosticsAppearAndClearInEmacsEglot(@TempDir Path tmp) throws Exception {
        Path emacs = ProjectPaths.onPath("emacs").orElse(null);
        ProjectPaths.requireTier(emacs != null, "emacs (with eglot, e.g. Debian's emacs-nox and elpa-eglot) is not on PATH");
        Path rxLsp = Launchers.rxLsp();
        Path file = EditorProcess.fixture(tmp, "broken.nix");
        String original = Files.readString(file);
        var result = EditorProcess.run(tmp,
                Map.of("RX_LSP_CMD", rxLsp.toString(),
                        "RX_E2E_TIMEOUT_MS", Long.toString(EditorProcess.STEP_TIMEOUT.toMillis())),
                List.of(emacs.toString(), "--batch", "-l", EditorProcess.driver("eglot-driver.el").toString(),
                        file.getFileName().toString()));
        ProjectPaths.requireTier(result.status() != NO_EGLOT,
                "eglot cannot be loaded in " + emacs + " (install elpa-eglot, or use Emacs 29+)");

        EditorProcess.assertExitStatus(result, 0);
        List<Matcher> m = EditorProcess.assertReport(result, List.of(
                "emacs \\S+ eglot-\\S+",
                "diagnostics version=(\\d+) count=1",          // one diagnostic, for the version opened
                Pattern.quote("diagnostic " + NeovimIT.DIAGNOSTIC),
                "editor count=1",                              // eglot handed it to flymake, which shows it:
                // eglot widens the empty range at the end of line 3 to the last character (the `"` at 16)
                "editor lnum=3 col=1[67] type=eglot-error message=" + Pattern.quote("nix [nix-missing-token]: expected `;` before `src`"),
                "didChange version=(\\d+) .*",
                "cleared version=(\\d+)",                      // an empty publishDiagnostics after the edit
                "editor count=0",                              // and flymake shows nothing any more
                "eglot-shutdown returned",                     // the shutdown request was answered
                Pattern.quote("server-exit exit code=0"),      // and after exit the server ended with 0
                "done"));
        EditorProcess.assertOneDiagnosticFixedIncrementally(result, m, file, original);
    }

    /** The README's Emacs snippet, then hover, definition, rename, completion and a quick fix inside the MCL of a Nix string. */
    @Test
    void navigationWithTheReadmeSnippetInEmacsEglot(@TempDir Path tmp) throws Exception {
        Path emacs = ProjectPaths.onPath("emacs").orElse(null);
        ProjectPaths.requireTier(emacs != null, "emacs (with eglot, e.g. Debian's emacs-nox and elpa-eglot) is not on PATH");
        Path snippet = Files.writeString(tmp.resolve("rx-lsp.el"), ReadmeSnippets.snippet(";; rx-lsp for Emacs (eglot)", Launchers.rxLsp()));
        Path file = EditorProcess.fixture(tmp, "navigation.nix");
        var result = EditorProcess.run(tmp,
                Map.of("RX_E2E_TIMEOUT_MS", Long.toString(EditorProcess.STEP_TIMEOUT.toMillis())),
                List.of(emacs.toString(), "--batch", "-l", "eglot", "-l", snippet.toString(),
                        "-l", EditorProcess.driver("eglot-navigation.el").toString(), file.getFileName().toString()));
        EditorProcess.assertExitStatus(result, 0);
        EditorProcess.assertReport(result, List.of(
                "mode nix-mode",
                "server " + Pattern.quote(Launchers.rxLsp().toString()),
                // eglot 1.9 without markdown-mode asks for plain text: code as it is, no Markdown
                Pattern.quote("hover $greeting str\\n\\n$greeting = \"héllo\"\\n\\nfrom rx.mcl.vars.greeting in navigation.nix"),
                Pattern.quote("definition line=3 column=14"),
                Pattern.quote("renamed line4=  rx.mcl.vars.salute = ''\"héllo\"'';"),
                Pattern.quote("renamed line8=        msg => $salute,"),
                Pattern.quote("hover-after $salute str"),
                Pattern.quote("completed line8=        msg => $salute,"),
                Pattern.quote("code-action Change to `$salute`"),
                Pattern.quote("fixed line8=        msg => $salute,"),
                "fixed diagnostics=0",
                Pattern.quote("server-exit exit code=0"),
                "done"));
    }
}
