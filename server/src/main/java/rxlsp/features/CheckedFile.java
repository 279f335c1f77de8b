package rxlsp.features;

import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;

/** The result of checking one file: its text (for positions) and its sorted diagnostics. */
public record CheckedFile(String path, LineIndex lines, List<Diagnostic> diagnostics) {
    public CheckedFile {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
