package rxlsp.mcl;

import java.util.List;
import rxlsp.text.TextRange;

/**
 * An error found while lexing and parsing MCL: what mgmt reports as {@code errLexParse}.
 *
 * @param line    1-based line
 * @param column  0-based column in code points (mgmt counts runes, so a tab is one column)
 * @param range   the offending token, in UTF-16 offsets of the parsed text (empty at the end of input)
 * @param message a short description in mgmt's token vocabulary, e.g. {@code unexpected INTEGER, expecting NEWLINE}
 * @param context for syntax errors, what the parser was doing; {@code null} for lexer and grammar-action errors
 */
public record SyntaxError(int line, int column, TextRange range, String message, Context context) {

    public SyntaxError(int line, int column, TextRange range, String message) {
        this(line, column, range, message, null);
    }

    /**
     * Where a syntax error happened, for turning mgmt's message into a friendlier one.
     *
     * @param unexpected the token name that could not be used ({@code $end} at the end of input)
     * @param expected   the token names that would have been accepted, when there are few
     * @param rules      the grammar rules being parsed, innermost first
     * @param predicate  the message of the failed dialect/layout check, or {@code null}
     */
    public record Context(String unexpected, List<String> expected, List<String> rules, String predicate) {
        public Context {
            expected = List.copyOf(expected);
            rules = List.copyOf(rules);
        }
    }

    @Override
    public String toString() {
        return line + ":" + (column + 1) + ": " + message;
    }
}
