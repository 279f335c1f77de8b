package rxlsp.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which diagnostics rx-lsp shows in {@code .nix} files: all of them, or only those about the MCL
 * they embed and rx.nix's options (sources {@code mcl} and {@code rx}), for people who run a Nix
 * language server such as nil or nixd beside rx-lsp and want no Nix finding twice.
 */
public enum DiagnosticsScope {
    ALL("all"),
    EMBEDDED("embedded");

    private final String value;

    DiagnosticsScope(String value) {
        this.value = value;
    }

    /** How users write it: {@code all} or {@code embedded}. */
    public String value() {
        return value;
    }

    public static Optional<DiagnosticsScope> parse(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.value.equals(v)).findFirst();
    }
}
