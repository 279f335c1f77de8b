package rxlsp.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import rxlsp.analysis.DocumentModel;
import rxlsp.embed.SourceLocation;

/** rx-lsp diagnostics to lsp4j ones; related places in other files (another module, a .mcl file) keep their file. */
final class DiagnosticConverter {
    private DiagnosticConverter() {
    }

    static List<Diagnostic> convert(DocumentModel model, Positions positions, Locations locations) {
        return convert(model, model.diagnostics(), positions, locations);
    }

    /** @param shown the model's diagnostics as they are to be published (scope and the project's policy applied) */
    static List<Diagnostic> convert(DocumentModel model, List<rxlsp.text.Diagnostic> shown, Positions positions,
                                    Locations locations) {
        List<Diagnostic> out = new ArrayList<>(shown.size());
        for (rxlsp.text.Diagnostic d : shown) {
            Diagnostic lsp = new Diagnostic(positions.range(model.lines(), d.range()), d.message(),
                    DiagnosticSeverity.forValue(d.severity().lspValue()), d.source(), d.code());
            if (!d.related().isEmpty()) {
                List<DiagnosticRelatedInformation> related = new ArrayList<>();
                for (var r : d.related()) {
                    if (r.file() == null) {
                        related.add(new DiagnosticRelatedInformation(new Location(model.uri(), positions.range(model.lines(), r.range())), r.message()));
                    } else {
                        locations.location(model, new SourceLocation(r.file(), r.range()))
                                .ifPresent(l -> related.add(new DiagnosticRelatedInformation(l, r.message())));
                    }
                }
                lsp.setRelatedInformation(related);
            }
            out.add(lsp);
        }
        return out;
    }
}
