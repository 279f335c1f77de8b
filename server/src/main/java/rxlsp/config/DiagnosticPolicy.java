package rxlsp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;
import rxlsp.workspace.FileKind;

/**
 * What a project's configuration does to the diagnostics of a file before anyone sees them: the
 * scope ({@code .nix} files may keep only MCL and rx.nix findings), in-source suppressions, and
 * per-code severities, where an empty severity turns the code off. The same for {@code check} and
 * the editor.
 *
 * @param severities per code: the severity to report it with, or empty to drop it
 */
public record DiagnosticPolicy(DiagnosticsScope scope, Map<String, Optional<Severity>> severities) {
    public static final DiagnosticPolicy DEFAULT = new DiagnosticPolicy(DiagnosticsScope.ALL, Map.of());

    /** Sources a {@code .nix} file keeps under {@link DiagnosticsScope#EMBEDDED}. */
    private static final List<String> EMBEDDED_SOURCES = List.of("mcl", "rx");

    public DiagnosticPolicy {
        severities = Map.copyOf(severities);
    }

    /** The diagnostics of a file of {@code kind} with text {@code lines}, as the project wants them shown. */
    public List<Diagnostic> apply(FileKind kind, LineIndex lines, List<Diagnostic> diagnostics) {
        if (diagnostics.isEmpty() || (this.equals(DEFAULT) && !Suppressions.mayHaveAny(lines.text()))) {
            return diagnostics;
        }
        boolean checkComments = Suppressions.mayHaveAny(lines.text());
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            if (kind == FileKind.NIX && scope == DiagnosticsScope.EMBEDDED && !EMBEDDED_SOURCES.contains(d.source())) {
                continue;
            }
            if (checkComments && Suppressions.suppressed(lines, d)) {
                continue;
            }
            Optional<Severity> severity = severities.get(d.code());
            if (severity == null) {
                out.add(d);
            } else if (severity.isPresent()) {
                out.add(severity.get() == d.severity() ? d
                        : new Diagnostic(d.range(), severity.get(), d.source(), d.stage(), d.code(), d.message(), d.related()));
            }
        }
        return out;
    }
}
