package rxlsp.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.FileDiagnostic;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentText;
import rxlsp.embed.HolePlaceholders;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.VariableInfo;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import java.util.Set;
import java.util.TreeSet;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * MCL diagnostics for a program assembled from Nix. Syntax is checked per fragment, as written (each
 * raw block and var value on its own, so one broken block does not hide another); names and types
 * are checked on the whole program, which is what mgmt sees. Every diagnostic lands on the file
 * text it came from.
 */
public final class EmbeddedMcl {
    private EmbeddedMcl() {
    }

    /**
     * @param known diagnostics already found in the same files (rx.res hazards, …): the whole
     *              program's syntax errors they explain are not reported again
     * @param programKey what identifies the program from one version to the next (the configuration's
     *              root), so that it is parsed again only where it changed
     */
    public static List<FileDiagnostic> check(AssembledProgram program, Dialect dialect, Catalog catalog,
                                             List<FileDiagnostic> known, MclParseCache parses, Object programKey) {
        List<FileDiagnostic> out = new ArrayList<>(program.problems());
        boolean fragmentsClean = true;
        for (FragmentText f : program.fragments()) {
            List<FileDiagnostic> found = fragmentSyntax(f, dialect, parses);
            fragmentsClean &= found.stream().noneMatch(d -> d.diagnostic().severity() == rxlsp.text.Severity.ERROR);
            out.addAll(found);
        }
        if (fragmentsClean) {
            List<FileDiagnostic> all = new ArrayList<>(known);
            all.addAll(out);
            MclParseResult parsed = parses.parseProgram(programKey, program.analysisText(), dialect);
            out.addAll(wholeProgram(program, dialect, catalog, all, parsed));
        }
        return out;
    }

    /** A string marked {@code # mcl}: a program of its own. */
    public static List<FileDiagnostic> checkStandalone(FragmentText f, Dialect dialect, Catalog catalog) {
        String text = withFinalNewline(HolePlaceholders.apply(f.value(), f.holes()));
        MclParseResult parsed = MclFrontEnd.parse(text, dialect);
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        if (!parsed.hasErrors()) {
            found.addAll(semantic(parsed, text, f.holes(), true, catalog, dialect));
        }
        return mapAll(f, found, 0, 0);
    }

    /**
     * The semantic stages on a program that parsed: Nix holes are global values of unknown type, and
     * a program with parts only Nix can compute reports no undefined names (they may be defined there).
     */
    private static List<Diagnostic> semantic(MclParseResult parsed, String analysisText, List<TextRange> holes,
                                             boolean complete, Catalog catalog, Dialect dialect) {
        Set<String> holeNames = new TreeSet<>();
        for (TextRange h : holes) {
            String t = analysisText.substring(h.start(), h.end());
            if (t.startsWith("$") && HolePlaceholders.NAME.matcher(t.substring(1)).matches()) {
                holeNames.add(t.substring(1));
            }
        }
        Catalog withHoles = catalog.withGlobals(holeNames.stream()
                .map(n -> new VariableInfo("", n, n, "?1", "a value only Nix knows (an interpolation)")).toList());
        MclCheckResult result = MclChecker.check(parsed.program(), withHoles, NO_LOCAL_FILES, dialect, !complete);
        return result.diagnostics().stream()
                .filter(d -> holes.stream().noneMatch(h -> h.start() < d.range().end() && d.range().start() < h.end()))
                .toList();
    }

    /** rx.nix deploys only main.mcl (and an empty metadata.yaml): a local import has nothing to find. */
    private static final ImportResolver NO_LOCAL_FILES = (from, path) -> new ImportResolver.Failed(
            "rx.nix deploys only main.mcl, so the local import `" + path + "` cannot be found by mgmt");

    private static List<FileDiagnostic> fragmentSyntax(FragmentText f, Dialect dialect, MclParseCache parses) {
        boolean var = f.site().role() == FragmentRole.VAR;
        String text = HolePlaceholders.apply(f.value(), f.holes(), var);
        if (var) {
            // parsed the way rx.nix writes it, `$x = <trimmed value>`; `x` stands for the name, whose
            // own problems are reported on the Nix attribute
            int lead = 0;
            int end = text.length();
            while (lead < end && Character.isWhitespace(text.charAt(lead))) {
                lead++;
            }
            while (end > lead && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            String prefix = "$x = ";
            MclParseResult r = parses.parse(prefix + text.substring(lead, end) + "\n", dialect);
            return mapAll(f, r.diagnostics(), prefix.length(), lead);
        }
        return mapAll(f, parses.parse(withFinalNewline(text), dialect).diagnostics(), 0, 0);
    }

    private static String withFinalNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Maps diagnostics of {@code prefix + f.value()[shift..]} back to the file. */
    private static List<FileDiagnostic> mapAll(FragmentText f, List<Diagnostic> diagnostics, int prefix, int shift) {
        List<FileDiagnostic> out = new ArrayList<>();
        int length = f.value().length();
        for (Diagnostic d : diagnostics) {
            int start = clamp(d.range().start() - prefix + shift, length);
            int end = clamp(Math.max(d.range().end() - prefix + shift, start), length);
            out.add(new FileDiagnostic(f.file(), relocate(d, f.map().toSource(new TextRange(start, end)))));
        }
        return out;
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }

    private static Diagnostic relocate(Diagnostic d, TextRange range) {
        // related places are offsets of the MCL text; they are dropped rather than shown misplaced
        return new Diagnostic(range, d.severity(), d.source(), d.stage(), d.code(), d.message(), List.of());
    }

    /** Problems only the whole program shows: MCL that rx.nix writes itself, names across fragments. */
    private static List<FileDiagnostic> wholeProgram(AssembledProgram program, Dialect dialect, Catalog catalog,
                                                     List<FileDiagnostic> known, MclParseResult parsed) {
        List<FileDiagnostic> out = new ArrayList<>();
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        if (!parsed.hasErrors()) {
            found.addAll(semantic(parsed, program.analysisText(), program.holes(), program.complete(), catalog, dialect));
        }
        for (Diagnostic d : found) {
            Optional<SourceLocation> at = program.map().toSource(d.range());
            if (at.isEmpty()) {
                continue;
            }
            boolean alreadyReported = known.stream().anyMatch(k -> k.file().equals(at.get().file())
                    && k.diagnostic().range().touches(at.get().range()));
            if (!alreadyReported) {
                out.add(new FileDiagnostic(at.get().file(), relocate(d, at.get().range())));
            }
        }
        return out;
    }
}
