package rxlsp.oracle;

import java.util.List;
import java.util.Random;

/**
 * Random Nix literals as source text, for generated configurations: strings of both kinds with every
 * escape, tabs, non-ASCII and control characters, indentation to strip, 0 to 3 final line feeds; the
 * numbers at the edges of what Nix, its JSON and Go's {@code %v} treat alike. The generator never
 * needs a literal's value: Nix evaluates it, and rx-lsp must agree.
 */
final class NixLiterals {
    /** Pieces of text, some of which need escaping in one kind of string or the other. */
    private static final List<String> WORDS = List.of(
            "file", "\"/tmp/a\"", "state", "=>", "$x", "=", "1", "{", "}", ",", "exists", "msg", "print", "\"p\"",
            "é", "ß", "中文", "😀", "\u00a0", "\u0085", "\u2028", "\u200b", "\u0301", "~", "`", "'", "\\", "\"",
            "$", "$$", "#", "//", "${x}", "$${y}", "''", "'''", "%s", "0644", "-", "_", "true", "null");
    private static final List<String> CONTROL = List.of("\u0001", "\u0007", "\u001b", "\u007f", "\u0008", "\u000b", "\u000c");
    static final List<String> INTS = List.of(
            "0", "1", "-1", "42", "-42", "420", "999999", "1000000", "-1000000", "123456789", "2147483647",
            "-2147483648", "4294967296", "9007199254740992", "9007199254740993", "-9007199254740993",
            "4611686018427387904", "9223372036854775807", "-9223372036854775807", "100000", "-0");
    static final List<String> FLOATS = List.of(
            "0.0", "-0.0", "1.0", "-1.0", "2.0", "0.5", ".5", "1.", "-1.5", "0.1", "0.30000000000000004", "1.23456789",
            "-1.23456789", "1234567.0", "123456.7", "999999.5", "100000.0", "1000000.0", "1.0e-5", "1.0e-4", "0.0001",
            "0.00001234", "1.0e21", "1.0e20", "1.0e300", "-1.0e300", "1.0e-300", "2.2250738585072014e-308",
            "1.7976931348623157e308", "3.141592653589793", "6.02214076e23", "1.5e-7", "12345.678901234", "0.1e1");

    private final Random rnd;

    NixLiterals(Random rnd) {
        this.rnd = rnd;
    }

    <T> T pick(List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    String integer() {
        return chance(0.8) ? pick(INTS) : Long.toString(rnd.nextLong() >> rnd.nextInt(63));
    }

    String floating() {
        if (chance(0.8)) {
            return pick(FLOATS);
        }
        double d = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(30) - 15);
        String s = Double.toString(d).replace("E", "e");
        return s.contains(".") ? s : s + ".0";
    }

    /** A Nix string literal, either kind; {@code finalNewlines} line feeds end its value (when known). */
    String string(boolean multiline, int finalNewlines) {
        return chance(0.5) ? quoted(multiline, finalNewlines) : indented(multiline, finalNewlines);
    }

    /** Short text for names and values without line breaks. */
    String shortString() {
        return chance(0.7) ? quoted(false, 0) : indented(false, 0);
    }

    /**
     * Appends a piece; pieces must not meet to form something else: a {@code $} and a {@code {} an
     * interpolation, quotes a different {@code ''} escape.
     */
    private static void append(StringBuilder b, String piece) {
        char last = b.length() > 0 ? b.charAt(b.length() - 1) : ' ';
        if (last == '$' && (piece.startsWith("{") || piece.startsWith("$")) || last == '\'' && piece.startsWith("'")) {
            b.append(' ');
        }
        b.append(piece);
    }

    // ---- "…" strings

    private String quoted(boolean multiline, int finalNewlines) {
        StringBuilder b = new StringBuilder("\"");
        int pieces = rnd.nextInt(multiline ? 14 : 5);
        for (int i = 0; i < pieces; i++) {
            append(b, quotedPiece(multiline));
        }
        for (int i = 0; i < finalNewlines; i++) {
            b.append(chance(0.5) ? "\\n" : "\n");
        }
        return b.append('"').toString();
    }

    private String quotedPiece(boolean multiline) {
        return switch (rnd.nextInt(12)) {
            case 0 -> multiline ? (chance(0.5) ? "\n" : "\\n") : " ";
            case 1 -> chance(0.5) ? "\t" : "\\t";
            case 2 -> "\\r";
            case 3 -> "\\\"";
            case 4 -> "\\\\";
            case 5 -> "\\${x}";
            case 6 -> "\\" + pick(List.of("a", "x", "$", "é", "{", "'", "0"));
            case 7 -> pick(CONTROL);
            case 8 -> " ";
            default -> escapeQuoted(pick(WORDS));
        };
    }

    private static String escapeQuoted(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{' && (i == 0 || s.charAt(i - 1) != '$')) {
                b.append("\\$");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---- ''…'' strings

    private String indented(boolean multiline, int finalNewlines) {
        StringBuilder b = new StringBuilder("''");
        if (!multiline) {
            int pieces = rnd.nextInt(5);
            for (int i = 0; i < pieces; i++) {
                append(b, indentedPiece());
            }
            return close(b);
        }
        String indent = " ".repeat(rnd.nextInt(7));
        if (chance(0.7)) {
            b.append('\n');
        }
        int lines = 1 + rnd.nextInt(5);
        for (int l = 0; l < lines; l++) {
            if (chance(0.15)) {
                b.append(chance(0.5) ? "" : " ".repeat(rnd.nextInt(9))).append('\n'); // blank or whitespace-only line
                continue;
            }
            b.append(lineIndent(indent));
            int pieces = 1 + rnd.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                append(b, indentedPiece());
            }
            b.append('\n');
        }
        // the value's final line feeds: the last line break above, the rest as lines or escapes
        int extra = finalNewlines == 0 ? -1 : finalNewlines - 1;
        if (extra < 0) {
            b.setLength(b.length() - 1); // the text ends on its last line
            append(b, indentedPiece()); // never a lone quote before the closing ''
        } else {
            for (int i = 0; i < extra; i++) {
                b.append(chance(0.5) ? "\n" : "''\\n");
            }
            if (chance(0.5)) {
                b.append(indent); // the closing line's indentation
            }
        }
        return close(b);
    }

    private String lineIndent(String indent) {
        return switch (rnd.nextInt(8)) {
            case 0 -> indent.isEmpty() ? "" : indent.substring(1); // less: changes what is stripped
            case 1 -> indent + "  ";
            case 2 -> indent + "\t";
            case 3 -> "\t" + indent;
            default -> indent;
        };
    }

    private String indentedPiece() {
        return switch (rnd.nextInt(12)) {
            case 0 -> "'''";
            case 1 -> "''$";
            case 2 -> "''${x}";
            case 3 -> "''\\" + pick(List.of("n", "t", "r", "x", "\\", "é"));
            case 4 -> pick(CONTROL);
            case 5 -> "\t";
            case 6 -> " ";
            case 7 -> "$${z}";
            default -> escapeIndented(pick(WORDS));
        };
    }

    private static String escapeIndented(String s) {
        String t = s.replace("''", "'''");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '$' && i + 1 < t.length() && t.charAt(i + 1) == '{' && (i == 0 || t.charAt(i - 1) != '$')) {
                b.append("''$");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Closes an indented string; a quote right before the closing {@code ''} would start an escape. */
    private static String close(StringBuilder b) {
        if (b.length() > 2 && b.charAt(b.length() - 1) == '\'') {
            b.append(' ');
        }
        return b.append("''").toString();
    }
}
