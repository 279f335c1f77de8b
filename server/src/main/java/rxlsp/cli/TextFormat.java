package rxlsp.cli;

import java.io.PrintStream;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;

/**
 * {@code path:line:col: severity: message [code]}, 1-based line and column (the column counts UTF-16
 * code units, like LSP), then one summary line.
 */
final class TextFormat extends CheckOutput {
    TextFormat(PrintStream out) {
        super(out);
    }

    @Override
    protected void print(String path, LineIndex lines, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            out.println(path + ":" + DiagnosticLine.format(lines, d));
        }
    }

    @Override
    protected void finish(long files, long errors, long warnings) {
        out.println(files + (files == 1 ? " file" : " files") + " checked: "
                + errors + (errors == 1 ? " error" : " errors") + ", "
                + warnings + (warnings == 1 ? " warning" : " warnings"));
    }
}
