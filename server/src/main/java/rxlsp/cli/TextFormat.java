package rxlsp.cli;

import java.io.PrintStream;
import rxlsp.features.CheckedFile;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;

/**
 * {@code path:line:col: severity: message [code]}, 1-based line and column (the column counts UTF-16
 * code units, like LSP), then one summary line.
 */
final class TextFormat {
    private TextFormat() {
    }

    static void print(CheckReport report, PrintStream out) {
        for (CheckedFile file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                out.println(file.path() + ":" + line(file, d));
            }
        }
        long errors = report.errors();
        long warnings = report.warnings();
        out.println(report.files().size() + (report.files().size() == 1 ? " file" : " files") + " checked: "
                + errors + (errors == 1 ? " error" : " errors") + ", "
                + warnings + (warnings == 1 ? " warning" : " warnings"));
    }

    /** One diagnostic without the path: the format of the fixture expectation files too. */
    static String line(CheckedFile file, Diagnostic d) {
        LineColumn lc = file.lines().position(d.range().start(), PositionEncoding.UTF16);
        return (lc.line() + 1) + ":" + (lc.column() + 1) + ": " + d.severity().label() + ": " + d.message()
                + " [" + d.code() + "]";
    }
}
