package rxlsp.lsp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import rxlsp.text.Diagnostic;
import rxlsp.workspace.FileKind;

/**
 * Which diagnostics the server publishes, the {@code diagnosticsScope} setting. People who run nil
 * or nixd on the same {@code .nix} files already get Nix's syntax and scope errors from them, and
 * two servers reporting the same undefined variable is noise: {@link #EMBEDDED} keeps only what
 * rx-lsp alone finds there, the MCL and rx.nix findings.
 */
enum DiagnosticsScope {
    /** Everything rx-lsp finds (the default). */
    ALL("all"),
    /** In Nix files only diagnostics about the embedded MCL and rx.nix's options; MCL files keep all of theirs. */
    EMBEDDED("embedded");

    /** The {@link Diagnostic#source()} values of MCL and rx.nix findings. */
    private static final Set<String> EMBEDDED_SOURCES = Set.of("mcl", "rx");

    private final String settingValue;

    DiagnosticsScope(String settingValue) {
        this.settingValue = settingValue;
    }

    String settingValue() {
        return settingValue;
    }

    static Optional<DiagnosticsScope> ofSetting(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (DiagnosticsScope scope : values()) {
            if (scope.settingValue.equals(v)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** The diagnostics of a document of {@code kind} to publish under this scope. */
    List<Diagnostic> visible(FileKind kind, List<Diagnostic> diagnostics) {
        if (this == ALL || kind != FileKind.NIX) {
            return diagnostics;
        }
        return diagnostics.stream().filter(d -> EMBEDDED_SOURCES.contains(d.source())).toList();
    }
}
