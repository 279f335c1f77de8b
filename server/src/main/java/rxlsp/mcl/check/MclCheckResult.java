package rxlsp.mcl.check;

import rxlsp.mcl.model.Resolution;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.types.TypeResult;
import rxlsp.text.Diagnostic;

/**
 * Everything the semantic stages found for one program.
 *
 * @param diagnostics       init, resource, scope and type findings in the checked file, sorted by position
 * @param moduleDiagnostics findings inside imported files, by file name
 * @param resolution        what each name use refers to (empty when name resolution did not run)
 * @param types             inferred expression types (empty when type checking did not run)
 */
public record MclCheckResult(List<Diagnostic> diagnostics, Map<String, List<Diagnostic>> moduleDiagnostics,
                             Resolution resolution, TypeResult types) {
    public MclCheckResult {
        diagnostics = List.copyOf(diagnostics);
        moduleDiagnostics = Map.copyOf(moduleDiagnostics);
    }
}
