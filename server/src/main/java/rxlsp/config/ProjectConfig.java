package rxlsp.config;

import java.nio.file.Path;
import java.util.Optional;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;

/**
 * A project's {@code rx-lsp.toml}: what {@code check} and the language server take from it. Every
 * field is optional; command-line flags and editor settings override it.
 *
 * @param file        the file it was read from, empty for the default (no file)
 * @param mclDialect  {@code mgmt-version}
 * @param nixVersion  {@code nix-version}: {@code 2.8} or {@code current}, as the {@code nixVersion} setting
 * @param mgmtDocs    {@code mgmt-docs}, resolved against the file's folder
 * @param policy      {@code diagnostics-scope} and the {@code [severity]} table
 * @param excludes    {@code exclude}
 */
public record ProjectConfig(Optional<Path> file, Optional<Dialect> mclDialect, Optional<NixVersion> nixVersion,
                            Optional<Path> mgmtDocs, DiagnosticPolicy policy, PathExcludes excludes) {
    public static final String FILE_NAME = "rx-lsp.toml";
    public static final ProjectConfig NONE = new ProjectConfig(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), DiagnosticPolicy.DEFAULT, PathExcludes.NONE);

    /**
     * The {@code rx-lsp.toml} that applies to {@code start}: in that folder or the nearest folder above
     * it, not above the repository root (the first folder holding {@code .git}).
     */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (java.nio.file.Files.exists(dir.resolve(".git"))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
