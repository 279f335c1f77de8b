package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.ast.StringPart;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.TextRange;

/**
 * Splits the text of a string literal into decoded text and {@code ${name}} interpolations, the work
 * mgmt does at its Interpolate stage (MCL reference §4). Errors are reported at the offending escape or
 * {@code ${}, not over the whole literal as mgmt does, so that an editor can underline the exact spot.
 */
public final class StringLiteral {
    private StringLiteral() {
    }

    /** The parts of a literal, and the problems found in it. */
    public record Parsed(List<StringPart> parts, List<Diagnostic> diagnostics) {
        public Parsed {
            parts = List.copyOf(parts);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Parses a {@code STRING} token.
     *
     * @param token the literal with its quotes, as in the source
     * @param start the offset of the opening quote in the file
     */
    public static Parsed parse(String token, int start) {
        return new Scanner(token, start).run();
    }

    private static final class Scanner {
        private final String s;
        private final int base;
        private final int end;
        private final List<StringPart> parts = new ArrayList<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int textStart = -1;

        Scanner(String token, int start) {
            this.s = token;
            this.base = start;
            // The lexer guarantees the quotes; be lenient with a literal cut short anyway.
            this.end = token.length() >= 2 && token.endsWith("\"") ? token.length() - 1 : token.length();
        }

        Parsed run() {
            int i = 1;
            while (i < end) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i = escape(i);
                } else if (c == '$' && i + 1 < end && s.charAt(i + 1) == '{') {
                    i = interpolation(i);
                } else {
                    append(i, String.valueOf(c));
                    i++;
                }
            }
            flush(end);
            return new Parsed(parts, diagnostics);
        }

        private int escape(int i) {
            if (i + 1 >= end) {
                error(i, i + 1, DiagnosticCodes.MCL_UNKNOWN_ESCAPE, "a `\\` at the end of a string escapes nothing; write `\\\\`");
                return i + 1;
            }
            char next = s.charAt(i + 1);
            String decoded = switch (next) {
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000B";
                case '\\' -> "\\";
                case '"' -> "\"";
                case '$' -> "$";
                default -> null;
            };
            if (decoded == null) {
                String shown = next == '\n' ? "\\ before a line break" : "\\" + new String(Character.toChars(s.codePointAt(i + 1)));
                error(i, i + Character.charCount(s.codePointAt(i + 1)) + 1, DiagnosticCodes.MCL_UNKNOWN_ESCAPE,
                        "unknown escape sequence `" + shown + "`; MCL knows \\a \\b \\f \\n \\r \\t \\v \\\\ \\\" \\$");
                return i + 2;
            }
            append(i, decoded);
            return i + 2;
        }

        /** {@code ${} at {@code i}: a name, then {@code }}. Anything else makes the whole literal invalid. */
        private int interpolation(int i) {
            int nameStart = i + 2;
            int j = nameStart;
            if (j < end && isLower(s.charAt(j))) {
                j++;
                while (j < end) {
                    char c = s.charAt(j);
                    if (isNameChar(c)) {
                        j++;
                    } else if (c == '.' && j + 1 < end && isNameChar(s.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
            }
            if (j > nameStart && j < end && s.charAt(j) == '}') {
                flush(i);
                parts.add(new StringPart.Interpolation(range(i, j + 1), s.substring(nameStart, j), range(nameStart, j)));
                return j + 1;
            }
            int close = s.indexOf('}', nameStart);
            int stop = close >= 0 && close < end ? close + 1 : end;
            error(i, stop, DiagnosticCodes.MCL_BAD_INTERPOLATION, "`${` must be followed by a variable name and `}`, as in `${name}`"
                    + " or `${pkg.name}`; write `\\${` for a literal `${`");
            return stop;
        }

        private static boolean isLower(char c) {
            return c >= 'a' && c <= 'z';
        }

        private static boolean isNameChar(char c) {
            return isLower(c) || (c >= '0' && c <= '9') || c == '_';
        }

        private void append(int at, String decoded) {
            if (textStart < 0) {
                textStart = at;
            }
            text.append(decoded);
        }

        private void flush(int at) {
            if (textStart >= 0) {
                parts.add(new StringPart.Text(range(textStart, at), text.toString()));
                text.setLength(0);
                textStart = -1;
            }
        }

        private TextRange range(int from, int to) {
            return new TextRange(base + from, base + to);
        }

        private void error(int from, int to, String code, String message) {
            diagnostics.add(Diagnostic.error(range(from, to), "mcl", "interpolate", code, message));
        }
    }
}
