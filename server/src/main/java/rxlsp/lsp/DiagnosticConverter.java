package rxlsp.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import rxlsp.text.LineIndex;

/** rx-lsp diagnostics to lsp4j ones. */
final class DiagnosticConverter {
    private DiagnosticConverter() {
    }

    static List<Diagnostic> convert(String uri, LineIndex lines, List<rxlsp.text.Diagnostic> diagnostics, Positions positions) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (rxlsp.text.Diagnostic d : diagnostics) {
            Diagnostic lsp = new Diagnostic(positions.range(lines, d.range()), d.message(),
                    DiagnosticSeverity.forValue(d.severity().lspValue()), d.source(), d.code());
            if (!d.related().isEmpty()) {
                List<DiagnosticRelatedInformation> related = new ArrayList<>();
                for (var r : d.related()) {
                    related.add(new DiagnosticRelatedInformation(new Location(uri, positions.range(lines, r.range())), r.message()));
                }
                lsp.setRelatedInformation(related);
            }
            out.add(lsp);
        }
        return out;
    }
}
