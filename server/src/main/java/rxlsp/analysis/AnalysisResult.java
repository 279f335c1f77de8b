package rxlsp.analysis;

import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;

/** What analysing one version of a document produced. */
public record AnalysisResult(String uri, int version, LineIndex lines, List<Diagnostic> diagnostics) {
    public AnalysisResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
