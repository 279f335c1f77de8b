package rxlsp.features;

import java.util.Optional;

/**
 * Writes a text as a Nix indented string ({@code ''…''}) at an indentation, so that Nix evaluates it
 * to exactly that text: {@code ''} and {@code ${} escaped, and a first character that would count as
 * indentation (when every line starts with a blank) escaped too. Text with a carriage return is not
 * written (Nix would keep it, an editor would not show it).
 */
final class NixIndentedString {
    private NixIndentedString() {
    }

    /** @param indent the indentation of the string's lines; the closing {@code ''} goes two spaces less in */
    static Optional<String> of(String value, String indent) {
        if (value.indexOf('\r') >= 0) {
            return Optional.empty();
        }
        String[] lines = value.split("\n", -1);
        boolean allIndented = true;
        for (String line : lines) {
            if (!line.isBlank() && line.charAt(0) != ' ') {
                allIndented = false;
            }
        }
        StringBuilder out = new StringBuilder("''\n");
        boolean escapedIndent = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (last && line.isEmpty()) {
                break; // the value ends with a line break: the closing line carries it
            }
            if (!line.isEmpty()) {
                out.append(indent);
                String escaped = escape(line);
                if (allIndented && !escapedIndent && !line.isBlank()) {
                    escaped = "''\\ " + escape(line.substring(1)); // keeps this line's first blank out of the indentation
                    escapedIndent = true;
                }
                out.append(escaped);
            }
            if (!last) {
                out.append('\n');
            }
        }
        if (value.endsWith("\n") || value.isEmpty()) {
            out.append(indent.length() >= 2 ? indent.substring(2) : "");
        }
        return Optional.of(out.append("''").toString());
    }

    private static String escape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '{') {
                out.append("''$");
            } else if (c == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                out.append("'''");
                i++;
            } else if (c == '\'' && i + 1 == line.length()) {
                out.append("''\\'"); // a quote before the closing '' (or a line end before it) would join it
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
