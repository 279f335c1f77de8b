package rxlsp.analysis;

import rxlsp.embed.ModuleScan;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;

/** The result of checking one file: its text (for positions) and its sorted diagnostics. */
public record CheckedFile(String path, LineIndex lines, List<Diagnostic> diagnostics, ModuleScan scan) {
    public CheckedFile {
        diagnostics = List.copyOf(diagnostics);
    }

    public CheckedFile(String path, LineIndex lines, List<Diagnostic> diagnostics) {
        this(path, lines, diagnostics, null);
    }

    /** The same file with other diagnostics. */
    public CheckedFile withDiagnostics(List<Diagnostic> replaced) {
        List<Diagnostic> sorted = new java.util.ArrayList<>(replaced);
        sorted.sort(Diagnostic.BY_POSITION);
        return new CheckedFile(path, lines, sorted, scan);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
