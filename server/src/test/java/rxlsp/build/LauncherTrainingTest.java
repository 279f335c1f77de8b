package rxlsp.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.Main;
import rxlsp.testing.ProjectPaths;

/**
 * bin/rx-lsp trains the start-up cache of {@code check} on a few files it writes itself, among them
 * a small rx.nix configuration and a standalone MCL program, so that the cache holds what a check
 * meeting MCL loads. Read from the launcher as it is, they must still be what they are meant to be:
 * a configuration that assembles, and MCL of both dialects, with no error. If a change to rx-lsp
 * made them fail, the cache would silently lose those classes.
 */
class LauncherTrainingTest {
    private static final Pattern HEREDOC = Pattern.compile("cat > \"\\$work/([\\w.]+)\" <<'NIX'\\n(.*?)\\nNIX\\n", Pattern.DOTALL);
    private static final Pattern PRINTF_MCL = Pattern.compile("printf '([^']*)' > \"\\$work/([\\w]+\\.mcl)\"");

    @TempDir
    Path dir;

    @Test
    void theTrainingConfigurationAssemblesAndItsMclChecksInBothDialects() throws IOException {
        String launcher = Files.readString(ProjectPaths.root().resolve("bin/rx-lsp"));
        Matcher nix = HEREDOC.matcher(launcher);
        int written = 0;
        while (nix.find()) {
            Files.writeString(dir.resolve(nix.group(1)), nix.group(2) + "\n");
            written++;
        }
        Matcher mcl = PRINTF_MCL.matcher(launcher);
        assertTrue(mcl.find(), "the launcher trains on no standalone MCL program");
        // printf's escapes, as the launcher's sh reads them
        Files.writeString(dir.resolve(mcl.group(2)), mcl.group(1).replace("\\n", "\n").replace("\\t", "\t"));
        assertEquals(2, written, "the launcher's rx.nix training modules");

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"check", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed + err);
        assertTrue(printed.contains("3 files checked: 0 errors, 0 warnings"), printed);
        assertTrue(printed.contains("1 rx.nix configuration assembled from 2 modules"), printed);
        assertTrue(printed.contains("read as mgmt 1.0"), "the standalone program trains the other dialect: " + printed);
    }
}
