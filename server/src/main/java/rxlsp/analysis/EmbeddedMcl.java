package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.FileDiagnostic;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentText;
import rxlsp.embed.HolePlaceholders;
import rxlsp.embed.ProgramMap;
import rxlsp.embed.SourceLocation;
import rxlsp.embed.SourceMap;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.VariableInfo;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import rxlsp.mcl.check.Unknowns;
import rxlsp.mcl.check.UnparsedDefinitions;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * MCL analysis of a program assembled from Nix. Syntax is checked per fragment, as written (each
 * raw block and var value on its own, so one broken block does not hide another); names and types
 * are checked on the whole program, which is what mgmt sees, with the broken fragments left out
 * (names they may define are excused, see {@link Unknowns}). Every diagnostic lands on the file
 * text it came from.
 */
public final class EmbeddedMcl {
    private static final String PROGRAM_GAP = "perhaps defined in a part of the program only Nix can compute";
    private static final String BROKEN_FRAGMENT = "perhaps defined in an MCL fragment that does not parse yet";

    private EmbeddedMcl() {
    }

    /** A program analysed: the unit kept for the editor, and what is wrong, per file. */
    public record Checked(MclUnit unit, List<FileDiagnostic> diagnostics) {
        public Checked {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param known diagnostics already found in the same files (rx.res hazards, …): the whole
     *              program's syntax errors they explain are not reported again
     * @param programKey what identifies the program from one version to the next (the configuration's
     *              root), so that it is parsed again only where it changed
     */
    public static Checked check(AssembledProgram program, Dialect dialect, Catalog catalog,
                                List<FileDiagnostic> known, MclParseCache parses, Object programKey) {
        List<FileDiagnostic> out = new ArrayList<>(program.problems());
        List<FragmentText> broken = new ArrayList<>();
        for (FragmentText f : program.fragments()) {
            List<FileDiagnostic> found = fragmentSyntax(f, dialect, parses);
            if (found.stream().anyMatch(d -> d.diagnostic().severity() == Severity.ERROR)) {
                broken.add(f);
            }
            out.addAll(found);
        }
        Unknowns unknowns = program.complete() ? Unknowns.NONE : Unknowns.everything(PROGRAM_GAP);
        String text = program.analysisText();
        if (!broken.isEmpty()) {
            text = withoutBroken(program, broken);
            StringBuilder brokenText = new StringBuilder();
            broken.forEach(f -> brokenText.append(f.value()).append('\n'));
            unknowns = unknowns.and(UnparsedDefinitions.in(brokenText, BROKEN_FRAGMENT));
        }
        MclParseResult parsed = parses.parseProgram(programKey, text, dialect);
        MclUnit.Context context = context(text, program.holes(), unknowns, catalog);
        MclCheckResult checked = semantic(parsed, text, program.holes(), context);
        List<FileDiagnostic> all = new ArrayList<>(known);
        all.addAll(out);
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        found.addAll(checked.diagnostics());
        for (Diagnostic d : found) {
            Optional<SourceLocation> at = program.map().toSource(d.range());
            if (at.isEmpty()) {
                continue;
            }
            boolean alreadyReported = all.stream().anyMatch(k -> explains(k, d, at.get()));
            if (!alreadyReported) {
                out.add(new FileDiagnostic(at.get().file(), d.relocated(at.get().range(), related(d, program.map(), at.get().file()))));
            }
        }
        MclUnit unit = new MclUnit(MclUnit.Kind.PROGRAM, text, program.text(), program.holes(), program.map(), parsed, checked, context);
        return new Checked(unit, out);
    }

    /**
     * Whether a finding about the Nix text already says what an MCL finding at {@code at} would: it
     * touches the place, or, for the same kind of finding, names it as a related place (an rx.res
     * value of the wrong type bound by a {@code let}: the option is the primary place, the binding,
     * where the MCL value comes from, related).
     */
    private static boolean explains(FileDiagnostic known, Diagnostic found, SourceLocation at) {
        Diagnostic k = known.diagnostic();
        if (known.file().equals(at.file()) && k.range().touches(at.range())) {
            return true;
        }
        return k.stage().equals(found.stage()) && k.related().stream().anyMatch(r ->
                (r.file() != null ? r.file() : known.file()).equals(at.file()) && r.range().touches(at.range()));
    }

    /**
     * The program with each broken fragment replaced by text of the same length that parses: a raw
     * block by blanks (its line breaks kept), a var value by a value of unknown type. So an unclosed
     * bracket in one raw block cannot swallow the blocks after it.
     */
    private static String withoutBroken(AssembledProgram program, List<FragmentText> broken) {
        StringBuilder text = new StringBuilder(program.analysisText());
        for (SourceMap.Piece p : program.map().pieces()) {
            if (p.fragment() == null || !broken.contains(p.fragment())) {
                continue;
            }
            if (p.fragment().site().role() == FragmentRole.VAR) {
                text.replace(p.start(), p.end(), HolePlaceholders.unknownValue(p.end() - p.start()));
            } else {
                for (int i = p.start(); i < p.end(); i++) {
                    if (text.charAt(i) != '\n') {
                        text.setCharAt(i, ' ');
                    }
                }
            }
        }
        return text.toString();
    }

    /**
     * A string marked {@code # mcl}: a program of its own, read as it is (like a {@code .mcl} file: mgmt
     * wants a line break after the last statement). A raw block is different: rx.nix's renderer ends
     * each with a line break, so mgmt never sees one without.
     */
    public static Checked checkStandalone(FragmentText f, Dialect dialect, Catalog catalog, MclParseCache parses) {
        String text = HolePlaceholders.apply(f.value(), f.holes());
        MclParseResult parsed = parses.parse(text, dialect);
        MclUnit.Context context = context(text, f.holes(), Unknowns.NONE, catalog);
        MclCheckResult checked = semantic(parsed, text, f.holes(), context);
        List<Diagnostic> found = new ArrayList<>(withNote(parsed.diagnostics(),
                DialectChoice.otherDialectNote(text, parsed, dialect, parses)));
        found.addAll(checked.diagnostics());
        ProgramMap map = ProgramMap.ofFragment(f);
        MclUnit unit = new MclUnit(MclUnit.Kind.MARKED, text, f.value(), f.holes(), map, parsed, checked, context);
        return new Checked(unit, mapAll(f, found, 0, 0));
    }

    /** Nix holes become global values of unknown type; names the program may define out of sight are excused. */
    private static MclUnit.Context context(String analysisText, List<TextRange> holes, Unknowns unknowns, Catalog catalog) {
        Set<String> holeNames = new TreeSet<>();
        for (TextRange h : holes) {
            String t = analysisText.substring(h.start(), h.end());
            if (t.startsWith("$") && HolePlaceholders.NAME.matcher(t.substring(1)).matches()) {
                holeNames.add(t.substring(1));
            }
        }
        Catalog withHoles = holeNames.isEmpty() ? catalog : catalog.withGlobals(holeNames.stream()
                .map(n -> new VariableInfo("", n, n, "?1", "a value only Nix knows (an interpolation)")).toList());
        return new MclUnit.Context(withHoles, NO_LOCAL_FILES, unknowns);
    }

    /** The semantic stages on what parsed; findings inside Nix holes are not the MCL's. */
    private static MclCheckResult semantic(MclParseResult parsed, String analysisText, List<TextRange> holes,
                                           MclUnit.Context context) {
        MclCheckResult result = MclChecker.check(parsed, analysisText, context.catalog(), context.imports(), context.unknowns());
        List<Diagnostic> kept = result.diagnostics().stream()
                .filter(d -> holes.stream().noneMatch(h -> h.start() < d.range().end() && d.range().start() < h.end()))
                .toList();
        return new MclCheckResult(kept, result.moduleDiagnostics(), result.resolution(), result.types());
    }

    /** rx.nix deploys only main.mcl (and an empty metadata.yaml): a local import has nothing to find. */
    private static final ImportResolver NO_LOCAL_FILES = (from, path) -> new ImportResolver.Failed(
            "rx.nix deploys only main.mcl, so the local import `" + path + "` cannot be found by mgmt");

    /**
     * The text a fragment is parsed as on its own: a raw block as written (with the line break rx.nix
     * adds), a var value the way rx.nix writes it, {@code $x = <trimmed value>} ({@code x} stands for
     * the name, whose own problems are reported on the Nix attribute).
     *
     * @param prefix characters before the fragment's text in {@code text}
     * @param shift  the fragment offset of {@code text}'s first character after the prefix
     */
    record FragmentSource(String text, int prefix, int shift) {
        static FragmentSource of(FragmentText f) {
            boolean var = f.site().role() == FragmentRole.VAR;
            String text = HolePlaceholders.apply(f.value(), f.holes(), var);
            if (!var) {
                return new FragmentSource(withFinalNewline(text), 0, 0);
            }
            int lead = 0;
            int end = text.length();
            while (lead < end && Character.isWhitespace(text.charAt(lead))) {
                lead++;
            }
            while (end > lead && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            String prefix = "$x = ";
            return new FragmentSource(prefix + text.substring(lead, end) + "\n", prefix.length(), lead);
        }
    }

    /** The texts a program's fragments are parsed as, for choosing the dialect they are written in. */
    public static List<String> sources(AssembledProgram program) {
        return program.fragments().stream().map(f -> FragmentSource.of(f).text()).toList();
    }

    private static List<FileDiagnostic> fragmentSyntax(FragmentText f, Dialect dialect, MclParseCache parses) {
        FragmentSource source = FragmentSource.of(f);
        MclParseResult r = parses.parse(source.text(), dialect);
        String note = DialectChoice.otherDialectNote(source.text(), r, dialect, parses);
        return mapAll(f, withNote(r.diagnostics(), note), source.prefix(), source.shift());
    }

    /** Syntax errors that would not be errors in the other dialect say so. */
    static List<Diagnostic> withNote(List<Diagnostic> diagnostics, String note) {
        if (note.isEmpty()) {
            return diagnostics;
        }
        return diagnostics.stream().map(d -> d.severity() == Severity.ERROR && "syntax".equals(d.stage())
                ? new Diagnostic(d.range(), d.severity(), d.source(), d.stage(), d.code(), d.message() + note, d.related())
                : d).toList();
    }

    private static String withFinalNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Maps diagnostics of {@code prefix + f.value()[shift..]} back to the file. */
    private static List<FileDiagnostic> mapAll(FragmentText f, List<Diagnostic> diagnostics, int prefix, int shift) {
        List<FileDiagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            List<Diagnostic.Related> related = new ArrayList<>();
            for (Diagnostic.Related r : d.related()) {
                related.add(new Diagnostic.Related(toFile(f, r.range(), prefix, shift), r.message(), null));
            }
            out.add(new FileDiagnostic(f.file(), d.relocated(toFile(f, d.range(), prefix, shift), related)));
        }
        return out;
    }

    private static TextRange toFile(FragmentText f, TextRange r, int prefix, int shift) {
        int length = f.value().length();
        int start = clamp(r.start() - prefix + shift, length);
        int end = clamp(Math.max(r.end() - prefix + shift, start), length);
        return f.map().toSource(new TextRange(start, end));
    }

    private static int clamp(int offset, int length) {
        return Math.max(0, Math.min(offset, length));
    }

    /** Related places of a program diagnostic, mapped to their files; those without a place are dropped. */
    private static List<Diagnostic.Related> related(Diagnostic d, ProgramMap map, Path diagnosticFile) {
        List<Diagnostic.Related> out = new ArrayList<>();
        for (Diagnostic.Related r : d.related()) {
            map.toSource(r.range()).ifPresent(at -> out.add(new Diagnostic.Related(at.range(), r.message(),
                    at.file().equals(diagnosticFile) ? null : at.file())));
        }
        return out;
    }
}
