package rxlsp.analysis;

import rxlsp.embed.ModuleScan;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.Severity;

/**
 * The result of checking one file: its text (for positions), its sorted diagnostics, and notes on how
 * it was read (the mgmt dialect rx-lsp chose for it).
 */
public record CheckedFile(String path, LineIndex lines, List<Diagnostic> diagnostics, ModuleScan scan, List<String> notes) {
    public CheckedFile {
        diagnostics = List.copyOf(diagnostics);
        notes = List.copyOf(notes);
    }

    public CheckedFile(String path, LineIndex lines, List<Diagnostic> diagnostics) {
        this(path, lines, diagnostics, null, List.of());
    }

    public CheckedFile(String path, LineIndex lines, List<Diagnostic> diagnostics, ModuleScan scan) {
        this(path, lines, diagnostics, scan, List.of());
    }

    /** The same file with other diagnostics. */
    public CheckedFile withDiagnostics(List<Diagnostic> replaced) {
        List<Diagnostic> sorted = new java.util.ArrayList<>(replaced);
        sorted.sort(Diagnostic.BY_POSITION);
        return new CheckedFile(path, lines, sorted, scan, notes);
    }

    /** The same file with one more note. */
    public CheckedFile withNote(String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new CheckedFile(path, lines, diagnostics, scan, all);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
