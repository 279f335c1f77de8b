package rxlsp.mcl.check;

import rxlsp.mcl.model.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.types.TypeChecks;
import rxlsp.mcl.types.TypeResult;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * The semantic stages of mgmt, in mgmt's order, for a program that parsed cleanly: init (structural
 * checks) and resource checks, then name resolution, then types. mgmt stops at the first failing
 * stage; rx-lsp reports all init, resource and scope findings together (they do not depend on each
 * other) but types only when every name resolved, so that no type error is an echo of a scope error.
 */
public final class MclChecker {
    private MclChecker() {
    }

    /** Checks with the mgmt 1.1 dialect for imported files. */
    public static MclCheckResult check(Program program, Catalog catalog, ImportResolver imports) {
        return check(program, catalog, imports, Dialect.MGMT_1_1);
    }

    /** @param dialect the dialect local imports are parsed in (the checked file's own) */
    public static MclCheckResult check(Program program, Catalog catalog, ImportResolver imports, Dialect dialect) {
        return check(program, catalog, imports, dialect, false);
    }

    /** @param open part of the program is unknown: see {@link ScopeChecks#check(Program, Catalog, ImportResolver, Dialect, boolean)} */
    public static MclCheckResult check(Program program, Catalog catalog, ImportResolver imports, Dialect dialect,
                                       boolean open) {
        return check(program, catalog, imports, dialect,
                open ? Unknowns.everything("perhaps defined in a part of the program only Nix can compute") : Unknowns.NONE);
    }

    /**
     * The semantic stages on whatever parsed: a program with syntax errors is checked in the statements
     * away from them (see {@link RecoveredProgram}), with {@code unknowns} on top.
     *
     * @param text the text {@code parsed} was made from
     */
    public static MclCheckResult check(MclParseResult parsed, String text, Catalog catalog, ImportResolver imports,
                                       Unknowns unknowns) {
        RecoveredProgram recovered = RecoveredProgram.of(parsed, text);
        return check(recovered.program(), catalog, imports, parsed.dialect(), unknowns.and(recovered.unknowns()));
    }

    /** @param unknowns names the program may define out of sight: see {@link Unknowns} */
    public static MclCheckResult check(Program program, Catalog catalog, ImportResolver imports, Dialect dialect,
                                       Unknowns unknowns) {
        List<Diagnostic> out = new ArrayList<>();
        ScopeResult scope;
        try {
            out.addAll(InitChecks.check(program, catalog));
            out.addAll(ResourceChecks.check(program, catalog));
            scope = ScopeChecks.check(program, catalog, imports, dialect, unknowns);
        } catch (StackOverflowError deep) {
            // rx-lsp's threads have deep stacks; this needs pathological input on a small one. Not an error
            // of the program: a warning, and no further stage
            out.add(new Diagnostic(TextRange.at(0), Severity.WARNING, "mcl", ScopeChecks.STAGE, DiagnosticCodes.MCL_TOO_DEEP,
                    "nested too deeply for rx-lsp's semantic checks; only syntax was checked", List.of()));
            return new MclCheckResult(sorted(out), Map.of(), Resolution.empty(), TypeResult.empty());
        }
        out.addAll(scope.diagnostics());
        TypeResult types = TypeResult.empty();
        if (!scope.hasErrors()) {
            types = TypeChecks.check(program, scope.resolution(), catalog);
            out.addAll(types.diagnostics());
        }
        return new MclCheckResult(sorted(out), scope.moduleDiagnostics(), scope.resolution(), types);
    }

    private static List<Diagnostic> sorted(List<Diagnostic> list) {
        List<Diagnostic> copy = new ArrayList<>(list);
        copy.sort(Diagnostic.BY_POSITION);
        return copy;
    }
}
