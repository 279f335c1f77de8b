package rxlsp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the render oracle's programs are: Debian's Nix 2.8 ({@code nix-instantiate} on PATH), a current
 * Nix unpacked privately by {@code .ci/run} into the ignored {@code .cache/nix-current} (or named by
 * {@code RX_NIX_CURRENT}), and Go (Debian's {@code golang-1.19-go}) for rx.nix's renderer.
 */
public final class OracleTools {
    private OracleTools() {
    }

    /** The two Nix versions the oracle runs. */
    public enum NixRelease {
        NIX_2_8("2.8"), CURRENT("current");

        private final String setting;

        NixRelease(String setting) {
            this.setting = setting;
        }

        /** The value of rx-lsp's {@code nixVersion} setting that models this release. */
        public String setting() {
            return setting;
        }
    }

    /** {@code nix-instantiate} of the release, or a skip (a failure in CI) when it is not there. */
    public static Path nixInstantiate(NixRelease release) {
        Optional<Path> exe = switch (release) {
            case NIX_2_8 -> ProjectPaths.onPath("nix-instantiate");
            case CURRENT -> currentNix();
        };
        ProjectPaths.requireTier(exe.isPresent(), switch (release) {
            case NIX_2_8 -> "nix-instantiate is not installed (Debian package nix-bin)";
            case CURRENT -> "no current Nix: run ../shared/reference/modern-nix/setup.sh .cache/nix-current "
                    + "(as .ci/run does) or set RX_NIX_CURRENT to its nix-instantiate";
        });
        return exe.get();
    }

    private static Optional<Path> currentNix() {
        String configured = System.getenv("RX_NIX_CURRENT");
        Path p = configured != null && !configured.isBlank() ? Path.of(configured)
                : ProjectPaths.root().resolve(".cache/nix-current/bin/nix-instantiate");
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /** The Go tool, or a skip (a failure in CI) when neither PATH nor Debian's golang-1.19-go has one. */
    public static Path go() {
        Optional<Path> go = ProjectPaths.onPath("go");
        if (go.isEmpty() && Files.isExecutable(Path.of("/usr/lib/go-1.19/bin/go"))) {
            go = Optional.of(Path.of("/usr/lib/go-1.19/bin/go"));
        }
        ProjectPaths.requireTier(go.isPresent(), "no Go toolchain (Debian package golang-1.19-go)");
        return go.get();
    }

    /** rx.nix's sources in the shared corpus. */
    public static Path rxNix() {
        return ProjectPaths.corpus().resolve("nix/rx.nix");
    }

    /** nixpkgs' lib at rx.nix's pin, in the shared corpus. */
    public static Path nixpkgsLib() {
        return ProjectPaths.corpus().resolve("nix/nixpkgs-lib");
    }

    /** The project's ignored cache folder. */
    public static Path cache() {
        return ProjectPaths.root().resolve(".cache");
    }
}
