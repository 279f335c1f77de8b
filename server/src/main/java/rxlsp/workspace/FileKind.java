package rxlsp.workspace;

import java.util.Locale;
import java.util.Optional;

/** The languages rx-lsp analyses, chosen by file name or LSP language id. */
public enum FileKind {
    NIX, MCL;

    public static Optional<FileKind> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".nix")) {
            return Optional.of(NIX);
        }
        if (n.endsWith(".mcl")) {
            return Optional.of(MCL);
        }
        return Optional.empty();
    }

    public static Optional<FileKind> ofLanguageId(String languageId) {
        return switch (languageId == null ? "" : languageId.toLowerCase(Locale.ROOT)) {
            case "nix" -> Optional.of(NIX);
            case "mcl" -> Optional.of(MCL);
            default -> Optional.empty();
        };
    }
}
