package rxlsp.cli;

import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.LineIndex;
import rxlsp.text.PositionEncoding;

/**
 * One diagnostic as a line of text, {@code line:col: severity: message [code]} with a 1-based line
 * and a 1-based UTF-16 column: the body of {@code rx-lsp check}'s text format and of the fixture
 * expectation files.
 */
public final class DiagnosticLine {
    private DiagnosticLine() {
    }

    public static String format(LineIndex lines, Diagnostic d) {
        LineColumn lc = lines.position(d.range().start(), PositionEncoding.UTF16);
        return (lc.line() + 1) + ":" + (lc.column() + 1) + ": " + d.severity().label() + ": " + d.message()
                + " [" + d.code() + "]";
    }
}
