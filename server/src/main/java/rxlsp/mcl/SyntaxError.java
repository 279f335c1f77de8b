package rxlsp.mcl;

import rxlsp.text.TextRange;

/**
 * An error found while lexing and parsing MCL: what mgmt reports as {@code errLexParse}.
 *
 * @param line    1-based line
 * @param column  0-based column in code points (mgmt counts runes, so a tab is one column)
 * @param range   the offending token, in UTF-16 offsets of the parsed text (empty at the end of input)
 * @param message a short description in mgmt's token vocabulary, e.g. {@code unexpected INTEGER, expecting NEWLINE}
 */
public record SyntaxError(int line, int column, TextRange range, String message) {
    @Override
    public String toString() {
        return line + ":" + (column + 1) + ": " + message;
    }
}
