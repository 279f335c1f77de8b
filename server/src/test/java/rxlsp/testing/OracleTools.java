package rxlsp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the render oracle's programs are: the two Nix installations of {@link NixInstallation} (Debian's
 * 2.8 and the current one {@code .ci/modern-nix} unpacks) and Go (Debian's {@code golang-1.19-go}) for
 * rx.nix's renderer.
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
        return NixInstallation.require(release == NixRelease.NIX_2_8 ? NixInstallation.Which.SYSTEM
                : NixInstallation.Which.MODERN).nixInstantiate();
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
