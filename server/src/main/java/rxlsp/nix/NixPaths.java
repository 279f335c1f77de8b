package rxlsp.nix;

/**
 * How Nix's lexer reads path literals (its {@code PATH}, {@code HPATH}, {@code PATH_SEG} tokens and
 * the states inside a path), to hold tree-sitter-nix's path nodes against: its path scanner takes any
 * run of path characters and slashes, where Nix's tokens allow no {@code //} and no final {@code /}.
 *
 * <p>Nix's first token of a path is the longest of {@code P*(/P+)+/?} (a {@code PATH}) and
 * {@code P*}/ directly before {@code ${}; a home path is {@code ~(/P+)+/?} or {@code ~/} before
 * {@code ${}. After it, inside the path, each token is an interpolation or the longest of
 * {@code P*(/P+)+/?}, {@code P*}/ and {@code P+} ("a string part"); a path may not end right after a
 * {@code /}, and its grammar wants the first string part, when it comes before any interpolation,
 * to be followed by one. (P: a letter, digit or one of {@code ._-+}.)
 */
final class NixPaths {
    private NixPaths() {
    }

    /** Nix's path character (no slash). */
    static boolean isPathChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
                || c == '+';
    }

    /** The end of Nix's first path token at {@code start}, or -1 where Nix starts no path. */
    static int firstTokenEnd(String text, int start, int limit) {
        if (start < limit && text.charAt(start) == '~') {
            if (text.startsWith("/${", start + 1)) {
                return start + 2;
            }
            int end = segmentsEnd(text, start + 1, limit);
            return end == start + 1 ? -1 : end;
        }
        int i = namePartEnd(text, start, limit);
        if (i >= limit || text.charAt(i) != '/') {
            return -1;
        }
        int end = segmentsEnd(text, i, limit);
        if (end > i) {
            return end;
        }
        return text.startsWith("${", i + 1) ? i + 1 : -1;
    }

    /** The end of Nix's token at {@code at} inside a path, or {@code at} when the path ends there. */
    static int partEnd(String text, int at, int limit) {
        int i = namePartEnd(text, at, limit);
        if (i >= limit || text.charAt(i) != '/') {
            return i;
        }
        int end = segmentsEnd(text, i, limit);
        return end > i ? end : i + 1;
    }

    /**
     * Where tree-sitter read a path starting at {@code start} but Nix reads the update operator: the
     * offset right after that {@code //}, or -1. Nix reads no path at all from a run of path characters
     * whose first slash is doubled ({@code x //y}, {@code a'//b}, {@code a//b}).
     */
    static int updateOperatorEnd(String text, int start, int limit) {
        if (start >= limit || text.charAt(start) == '~') {
            return -1;
        }
        int i = namePartEnd(text, start, limit);
        return i + 1 < limit && text.charAt(i) == '/' && text.charAt(i + 1) == '/' ? i + 2 : -1;
    }

    private static int namePartEnd(String text, int at, int limit) {
        int i = at;
        while (i < limit && isPathChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of {@code (/P+)+/?} at {@code at}, or {@code at} when it does not match. */
    private static int segmentsEnd(String text, int at, int limit) {
        int i = at;
        while (i + 1 < limit && text.charAt(i) == '/' && isPathChar(text.charAt(i + 1))) {
            i = namePartEnd(text, i + 1, limit);
        }
        if (i > at && i < limit && text.charAt(i) == '/') {
            i++;
        }
        return i;
    }
}
