package rxlsp.cli;

import java.io.PrintStream;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;

/**
 * Where {@code rx-lsp check} writes its report, one file at a time, in path order: each file is
 * printed as soon as it is checked and then forgotten, so the memory of a check does not grow with
 * the number of files; the totals come at the end.
 */
abstract class CheckOutput {
    protected final PrintStream out;
    private long files;
    private long errors;
    private long warnings;

    CheckOutput(PrintStream out) {
        this.out = out;
    }

    static CheckOutput of(CheckCommand.Format format, PrintStream out) {
        return switch (format) {
            case json -> new JsonFormat(out);
            case text -> new TextFormat(out);
        };
    }

    /** One checked file: its displayed path, its line index (for positions) and its sorted diagnostics. */
    final void file(String path, LineIndex lines, List<Diagnostic> diagnostics) {
        files++;
        for (Diagnostic d : diagnostics) {
            errors += d.severity() == Severity.ERROR ? 1 : 0;
            warnings += d.severity() == Severity.WARNING ? 1 : 0;
        }
        print(path, lines, diagnostics);
    }

    /** Ends the report with its totals. */
    final void finish() {
        finish(files, errors, warnings);
        out.flush();
    }

    long errors() {
        return errors;
    }

    protected abstract void print(String path, LineIndex lines, List<Diagnostic> diagnostics);

    protected abstract void finish(long files, long errors, long warnings);
}
