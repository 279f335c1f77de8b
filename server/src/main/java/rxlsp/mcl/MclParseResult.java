package rxlsp.mcl;

import java.util.List;
import rxlsp.mcl.ast.Program;
import rxlsp.text.Diagnostic;

/**
 * The front end's answer for one file.
 *
 * @param program     the statements that parsed (all of them when there are no syntax errors)
 * @param diagnostics syntax and interpolate-stage problems, sorted by position
 * @param dialect     the dialect the file was parsed in
 */
public record MclParseResult(Program program, List<Diagnostic> diagnostics, Dialect dialect) {
    public MclParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == rxlsp.text.Severity.ERROR);
    }
}
