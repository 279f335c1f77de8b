package rxlsp.cli;

import java.io.PrintStream;
import rxlsp.analysis.CheckedFile;
import rxlsp.text.Diagnostic;

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
                out.println(file.path() + ":" + DiagnosticLine.format(file.lines(), d));
            }
        }
        for (CheckedFile file : report.files()) {
            file.notes().forEach(n -> out.println(file.path() + ": note: " + n));
        }
        long errors = report.errors();
        long warnings = report.warnings();
        out.println(report.files().size() + (report.files().size() == 1 ? " file" : " files") + " checked: "
                + errors + (errors == 1 ? " error" : " errors") + ", "
                + warnings + (warnings == 1 ? " warning" : " warnings"));
    }
}
