package rxlsp.testing;

import java.util.Random;

/** MCL text written inside Nix strings of both kinds, escaped only where Nix would misread it. */
public final class NixLiterals {
    private NixLiterals() {
    }

    /**
     * One line of MCL as the content of an indented ({@code ''…''}) string line; a {@code $} is
     * sometimes written {@code ''$} anyway (both mean {@code $}), chosen by {@code r}.
     */
    public static String indentedLine(String mcl, Random r) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mcl.length(); i++) {
            char c = mcl.charAt(i);
            char next = i + 1 < mcl.length() ? mcl.charAt(i + 1) : '\0';
            if (c == '$' && next == '{') {
                out.append("''$");
            } else if (c == '\'' && (next == '\'' || next == '$' || next == '\0')) {
                // a plain ' before another ' (or before an escape, which starts with '') would read as ''''
                out.append("''\\'");
            } else if (c == '\t' && out.isEmpty()) {
                out.append("''\\t"); // a TAB at a line start would end the indentation Nix strips
            } else if (c == '$' && r.nextBoolean()) {
                out.append("''$");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Multi-line MCL as an indented string's lines, each non-empty line after {@code indentation}
     * (which Nix strips as long as one line starts with no more than it).
     */
    public static String indented(String mcl, String indentation, Random r) {
        StringBuilder out = new StringBuilder();
        for (String line : mcl.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (!line.isEmpty()) {
                out.append(indentation).append(indentedLine(line, r));
            }
        }
        return out.toString();
    }

    /** MCL text written inside a {@code "…"} string. */
    public static String quoted(String mcl) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < mcl.length(); i++) {
            char c = mcl.charAt(i);
            char next = i + 1 < mcl.length() ? mcl.charAt(i + 1) : '\0';
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(next == '{' ? "\\$" : "$");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
