package rxlsp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Nix whose parser the oracle tiers run: the system's (Debian bookworm's {@code nix-bin}, Nix 2.8)
 * or a current one (Nix 2.26, unpacked by {@code .ci/modern-nix} into {@code .cache/modern-nix}, or
 * the {@code nix-instantiate} named by {@code RX_MODERN_NIX}). rx.nix users run a current Nix; the
 * oracles check rx-lsp against both.
 */
public record NixInstallation(Which which, Path nixInstantiate, String version) {
    /** The environment variable naming a current Nix's {@code nix-instantiate}, instead of the cache folder. */
    public static final String MODERN_ENV = "RX_MODERN_NIX";

    public enum Which {
        /** {@code nix-instantiate} on {@code PATH}. */
        SYSTEM,
        /** The current Nix {@code .ci/modern-nix} sets up. */
        MODERN
    }

    /** The installation, or a skip (a failure in CI) when it is not there. */
    public static NixInstallation require(Which which) {
        Optional<Path> exe = which == Which.SYSTEM ? ProjectPaths.onPath("nix-instantiate") : modernPath();
        ProjectPaths.requireTier(exe.isPresent(), which == Which.SYSTEM
                ? "nix-instantiate is not installed (Debian package nix-bin)"
                : "no current Nix: run .ci/modern-nix (it unpacks one into .cache/modern-nix) or set " + MODERN_ENV);
        return new NixInstallation(which, exe.get(), versionOf(exe.get()));
    }

    /** The {@code nix} program next to {@code nix-instantiate} (for {@code nix repl}). */
    public Path nix() {
        return nixInstantiate.resolveSibling("nix");
    }

    /** For messages: "Nix 2.8.0". */
    public String label() {
        return "Nix " + version;
    }

    private static Optional<Path> modernPath() {
        String configured = System.getenv(MODERN_ENV);
        Path exe = configured != null && !configured.isBlank() ? Path.of(configured)
                : ProjectPaths.root().resolve(".cache/modern-nix/bin/nix-instantiate");
        return Files.isExecutable(exe) ? Optional.of(exe) : Optional.empty();
    }

    private static String versionOf(Path exe) {
        try {
            Process p = new ProcessBuilder(exe.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(exe + " --version failed: " + out);
            }
            return out.substring(out.lastIndexOf(' ') + 1); // "nix-instantiate (Nix) 2.26.3"
        } catch (IOException e) {
            throw new IllegalStateException(exe + " does not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
