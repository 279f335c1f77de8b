package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --nix-version 2.8|current} of {@code render} and {@code check}: Nix 2.8 hands rx.nix's
 * renderer floats with six significant digits, current Nix the exact number (the render oracle tier
 * compares both with the real Nix versions).
 */
class NixVersionOptionTest {
    @TempDir
    Path dir;

    @Test
    void nix28RendersSixDigitFloatsAndCheckSaysSo() throws IOException {
        Path cfg = dir.resolve("configuration.nix");
        Files.writeString(cfg, "{ rx.res.test.t = { float64 = 1.23456789; float32 = 1234567.0; }; }\n");
        CliRun current = CliRun.of("render", cfg.toString());
        assertEquals(0, current.status(), current.err());
        assertTrue(current.out().contains("  float32  => 1.234567e+06,\n  float64  => 1.23456789,\n"), current.out());
        CliRun old = CliRun.of("render", "--nix-version", "2.8", cfg.toString());
        assertTrue(old.out().contains("  float32  => 1.23457e+06,\n  float64  => 1.23457,\n"), old.out());

        CliRun checkOld = CliRun.of("check", "--nix-version", "2.8", cfg.toString());
        assertEquals(2, checkOld.out().lines().filter(l -> l.endsWith("[rx-float-precision]")).count(), checkOld.out());
        CliRun checkCurrent = CliRun.of("check", cfg.toString());
        assertTrue(!checkCurrent.out().contains("rx-float-precision"), checkCurrent.out());
    }

    @Test
    void anUnknownVersionIsAUsageError() throws IOException {
        Path cfg = dir.resolve("configuration.nix");
        Files.writeString(cfg, "{ }\n");
        for (String command : new String[] {"render", "check"}) {
            CliRun r = CliRun.of(command, "--nix-version", "2.3", cfg.toString());
            assertEquals(2, r.status(), command);
            assertTrue(r.err().contains("--nix-version: `2.3` is not a Nix version rx-lsp knows: expected 2.8 or current"), r.err());
        }
    }
}
