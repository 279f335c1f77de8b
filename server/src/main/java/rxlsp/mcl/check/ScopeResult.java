package rxlsp.mcl.check;

import rxlsp.mcl.model.Resolution;
import java.util.List;
import java.util.Map;
import rxlsp.text.Diagnostic;

/**
 * What {@link ScopeChecks} found.
 *
 * @param diagnostics       problems in the checked file, sorted by position
 * @param moduleDiagnostics problems inside imported files, by the file names the {@link ImportResolver} gave
 * @param resolution        what every use refers to
 */
public record ScopeResult(List<Diagnostic> diagnostics, Map<String, List<Diagnostic>> moduleDiagnostics,
                          Resolution resolution) {
    public ScopeResult {
        diagnostics = List.copyOf(diagnostics);
        moduleDiagnostics = Map.copyOf(moduleDiagnostics);
    }

    public boolean hasErrors() {
        return !diagnostics.isEmpty() || moduleDiagnostics.values().stream().anyMatch(l -> !l.isEmpty());
    }
}
