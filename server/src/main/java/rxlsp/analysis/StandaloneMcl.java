package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rxlsp.embed.ProgramMap;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import rxlsp.mcl.check.Unknowns;
import rxlsp.text.Diagnostic;

/**
 * A {@code .mcl} file analysed on its own: syntax, then mgmt's semantic stages on what parsed (with a
 * syntax error, the statements away from it are still checked: see {@code RecoveredProgram}).
 */
public final class StandaloneMcl {
    private StandaloneMcl() {
    }

    /** The file's unit and its diagnostics, sorted by position. */
    public record Analysed(MclUnit unit, List<Diagnostic> diagnostics) {
        public Analysed {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param text    the file's text, as parsed into {@code parsed}
     * @param file    the file (or a document's made-up path), for going back from the program to it
     * @param imports how the file's local imports are found
     */
    public static Analysed analyse(String text, MclParseResult parsed, Path file, ImportResolver imports, Catalog catalog) {
        MclUnit.Context context = new MclUnit.Context(catalog, imports, Unknowns.NONE);
        MclCheckResult checked = MclChecker.check(parsed, text, catalog, imports, Unknowns.NONE);
        List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
        out.addAll(checked.diagnostics());
        out.sort(Diagnostic.BY_POSITION);
        MclUnit unit = new MclUnit(MclUnit.Kind.FILE, text, text, List.of(), ProgramMap.ofFile(file, text.length()), parsed, checked, context);
        return new Analysed(unit, out);
    }
}
