package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rxlsp.embed.ProgramMap;
import rxlsp.mcl.Dialect;
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
     * @param text     the file's text
     * @param parse    parses it in a dialect (the editor reparses incrementally, in each dialect apart)
     * @param file     the file (or a document's made-up path), for going back from the program to it
     * @param imports  how the file's local imports are found
     * @param dialects the user's dialect, or a choice per file
     */
    public static Analysed analyse(String text, java.util.function.Function<Dialect, MclParseResult> parse, Path file,
                                   ImportResolver imports, DialectChoice dialects, java.util.function.Function<Dialect, Catalog> catalogs) {
        MclParseResult parsed = parse.apply(dialects.automatic() ? DialectChoice.DEFAULT : dialects.fixed());
        String note = "";
        if (parsed.hasErrors() && text.length() > DialectChoice.LARGE) {
            if (dialects.automatic() && DialectChoice.headFitsOther(text, parsed.dialect())) {
                parsed = parse.apply(DialectChoice.other(parsed.dialect()));
            }
        } else if (parsed.hasErrors()) {
            Dialect other = DialectChoice.other(parsed.dialect());
            MclParseResult there = parse.apply(other);
            if (dialects.automatic() && errors(there) < errors(parsed)) {
                parsed = there;
            } else if (!there.hasErrors()) {
                note = DialectChoice.validIn(other);
            }
        }
        Catalog catalog = catalogs.apply(parsed.dialect());
        MclUnit.Context context = new MclUnit.Context(catalog, imports, Unknowns.NONE);
        MclCheckResult checked = MclChecker.check(parsed, text, catalog, imports, Unknowns.NONE);
        List<Diagnostic> out = new ArrayList<>(EmbeddedMcl.withNote(parsed.diagnostics(), note));
        out.addAll(checked.diagnostics());
        out.sort(Diagnostic.BY_POSITION);
        MclUnit unit = new MclUnit(MclUnit.Kind.FILE, text, text, List.of(), ProgramMap.ofFile(file, text.length()), parsed, checked, context);
        return new Analysed(unit, out);
    }

    private static long errors(MclParseResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == rxlsp.text.Severity.ERROR).count();
    }
}
