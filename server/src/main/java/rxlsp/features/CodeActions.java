package rxlsp.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rxlsp.analysis.ConfigurationModel;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ResField;
import rxlsp.embed.ResSchema;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.nix.AttrNames;
import rxlsp.nix.NixNodes;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Quick fixes for the diagnostics at a range, where a fix is clear, and the source actions that move
 * a raw block into a {@code .mcl} file and back. Every edit is exact or not offered: MCL is rewritten
 * through the program's map, so it is escaped for the Nix string it lands in.
 */
public final class CodeActions {
    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean `([^`]+)`\\?");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("`\\$?([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_.]*)`");
    private static final Pattern VALID_VAR = Pattern.compile("[a-z]([a-z0-9_]*[a-z0-9])?");

    private CodeActions() {
    }

    public enum Kind { QUICK_FIX, REFACTOR_EXTRACT, REFACTOR_INLINE }

    /**
     * One action.
     *
     * @param fixes   the diagnostic it fixes, or null for a refactoring
     * @param edits   per file, offsets of that file's text
     * @param creates files the action creates, with their text
     */
    public record Action(String title, Kind kind, Diagnostic fixes, Map<Path, List<TextEdit>> edits,
                         Map<Path, String> creates, boolean preferred) {
        public Action {
            edits = Map.copyOf(edits);
            creates = Map.copyOf(creates);
        }
    }

    /**
     * @param canCreateFiles whether the client can create files (the move-to-file action needs it)
     * @param exists         whether a file exists (a new file never replaces one)
     */
    public record Options(boolean canCreateFiles, Predicate<Path> exists) {
    }

    public static List<Action> at(DocumentModel doc, TextRange range, Options options) {
        List<Action> out = new ArrayList<>();
        for (Diagnostic d : doc.diagnostics()) {
            if (d.range().touches(range)) {
                fixes(doc, d, out);
            }
        }
        refactorings(doc, range, options, out);
        return out;
    }

    private static void fixes(DocumentModel doc, Diagnostic d, List<Action> out) {
        String code = d.code();
        Matcher suggestion = DID_YOU_MEAN.matcher(d.message());
        if (suggestion.find() && !code.equals(DiagnosticCodes.MCL_ADDITIONAL_EQUALS)) {
            String replacement = suggestion.group(1);
            Optional<TextEdit> edit = code.startsWith("rx-")
                    ? Optional.of(new TextEdit(d.range().start(), d.range().end(), AttrNames.display(replacement)))
                    : MclEdits.replace(doc, d.range(), replacement);
            edit.ifPresent(e -> out.add(fix("Change to `" + replacement + "`", d, doc.path(), List.of(e), true)));
        }
        switch (code) {
            case DiagnosticCodes.MCL_UNDEFINED_FUNCTION, DiagnosticCodes.MCL_UNDEFINED_VARIABLE -> addImport(doc, d, out);
            case DiagnosticCodes.MCL_MISSING_COMMA -> MclEdits.replace(doc, TextRange.at(d.range().start()), ",")
                    .ifPresent(e -> out.add(fix("Add the missing `,`", d, doc.path(), List.of(e), true)));
            case DiagnosticCodes.MCL_TRAILING_COMMA -> removeTrailingComma(doc, d, out);
            case DiagnosticCodes.MCL_DUPLICATE_IMPORT -> removeLine(doc, d, "Remove the duplicate import", out);
            case DiagnosticCodes.RX_DUPLICATE_IMPORT -> removeListElement(doc, d, out);
            case DiagnosticCodes.MCL_CRLF -> lineFeeds(doc, d, out);
            case DiagnosticCodes.NIX_UNDEFINED_VARIABLE -> escapeInterpolation(doc, d, out);
            case DiagnosticCodes.RX_INVALID_VAR_NAME -> renameVar(doc, d, out);
            case DiagnosticCodes.RX_EXPONENT_NUMBER -> numberAsString(doc, d, out);
            case DiagnosticCodes.RX_COLON_KIND -> ResToRaw.action(doc, d).ifPresent(out::add);
            default -> {
            }
        }
    }

    static Action fix(String title, Diagnostic d, Path file, List<TextEdit> edits, boolean preferred) {
        return new Action(title, Kind.QUICK_FIX, d, Map.of(file, edits), Map.of(), preferred);
    }

    /** {@code strings.to_lower} undefined because {@code strings} is not imported: import it. */
    private static void addImport(DocumentModel doc, Diagnostic d, List<Action> out) {
        Matcher m = QUALIFIED_NAME.matcher(d.message());
        if (!m.find()) {
            return;
        }
        String pkg = m.group(1);
        Optional<MclEdits.Located> at = MclEdits.locate(doc, d.range().start());
        if (at.isEmpty()) {
            return;
        }
        MclUnit unit = at.get().unit();
        boolean exists = unit.catalog().functionsOf(pkg).stream().map(FunctionInfo::name).anyMatch(n -> n.equals(m.group(2)))
                || unit.catalog().variablesOf(pkg).stream().anyMatch(v -> v.name().equals(m.group(2)));
        if (!exists) {
            return;
        }
        ImportEdits.adding(doc, unit, pkg).ifPresent(e -> out.add(fix(
                (unit.kind() == MclUnit.Kind.PROGRAM ? "Add \"" + pkg + "\" to rx.mcl.imports" : "Import \"" + pkg + "\""),
                d, doc.path(), List.of(e), true)));
    }

    /** The {@code ,} before the closer a single-line container forbids. */
    private static void removeTrailingComma(DocumentModel doc, Diagnostic d, List<Action> out) {
        Optional<MclEdits.Located> at = MclEdits.locate(doc, d.range().start());
        if (at.isEmpty()) {
            return;
        }
        String text = at.get().unit().shown();
        int i = at.get().offset() - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i < 0 || text.charAt(i) != ',') {
            return;
        }
        MclUnit unit = at.get().unit();
        unit.map().toSource(new TextEdit(i, i + 1, "")).filter(e -> e.file().equals(doc.path()))
                .ifPresent(e -> out.add(fix("Remove the trailing `,`", d, doc.path(), List.of(e.edit()), true)));
    }

    /** A statement on a line of its own, the whole line removed. */
    private static void removeLine(DocumentModel doc, Diagnostic d, String title, List<Action> out) {
        Optional<MclEdits.Located> start = MclEdits.locate(doc, d.range().start());
        if (start.isEmpty()) {
            return;
        }
        MclUnit unit = start.get().unit();
        String text = unit.shown();
        int from = text.lastIndexOf('\n', Math.max(0, start.get().offset() - 1)) + 1;
        int to = text.indexOf('\n', start.get().offset());
        to = to < 0 ? text.length() : to + 1;
        unit.map().toSource(new TextEdit(from, to, "")).filter(e -> e.file().equals(doc.path()))
                .ifPresent(e -> out.add(fix(title, d, doc.path(), List.of(e.edit()), true)));
    }

    /** An element of {@code rx.mcl.imports} that repeats another: removed with the blank before it. */
    private static void removeListElement(DocumentModel doc, Diagnostic d, List<Action> out) {
        String text = doc.text();
        int start = d.range().start();
        while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
            start--;
        }
        out.add(fix("Remove the duplicate import", d, doc.path(), List.of(new TextEdit(start, d.range().end(), "")), true));
    }

    /** mgmt takes only {@code \n}: every CRLF of the document made LF. */
    private static void lineFeeds(DocumentModel doc, Diagnostic d, List<Action> out) {
        List<TextEdit> edits = new ArrayList<>();
        String text = doc.text();
        for (int i = text.indexOf("\r\n"); i >= 0; i = text.indexOf("\r\n", i + 2)) {
            edits.add(new TextEdit(i, i + 1, ""));
        }
        if (!edits.isEmpty()) {
            out.add(fix("Convert line endings to LF", d, doc.path(), edits, true));
        }
    }

    /** An undefined Nix variable in {@code ${…}} of an indented string that was meant as MCL: {@code ''${…}}. */
    private static void escapeInterpolation(DocumentModel doc, Diagnostic d, List<Action> out) {
        if (!d.message().contains("''${")) {
            return;
        }
        int at = doc.text().lastIndexOf("${", d.range().start());
        if (at >= 0) {
            out.add(fix("Write `''${` (MCL interpolation, not Nix)", d, doc.path(), List.of(new TextEdit(at, at, "''")), true));
        }
    }

    /** An {@code rx.mcl.vars} name MCL cannot spell: renamed in every module and every {@code $name} of the program. */
    private static void renameVar(DocumentModel doc, Diagnostic d, List<Action> out) {
        ConfigurationModel cfg = doc.configuration();
        if (cfg == null) {
            return;
        }
        String old = AttrNames.staticName(attrAt(doc, d.range()), doc.text()).orElse(null);
        if (old == null) {
            return;
        }
        String valid = validVarName(old);
        if (valid == null) {
            return;
        }
        Map<Path, List<TextEdit>> edits = new LinkedHashMap<>();
        for (ConfigurationModel.VarDefinition v : cfg.varDefinitions(old)) {
            String written = v.text().substring(v.site().nameRange().start(), v.site().nameRange().end());
            String replacement = written.startsWith("\"") ? "\"" + valid + "\"" : valid;
            edits.computeIfAbsent(v.file(), k -> new ArrayList<>()).add(new TextEdit(v.site().nameRange().start(),
                    v.site().nameRange().end(), replacement));
        }
        Optional<MclUnit> unit = cfg.programUnit();
        if (unit.isPresent()) {
            String shown = unit.get().shown();
            String use = "$" + old;
            for (int i = shown.indexOf(use); i >= 0; i = shown.indexOf(use, i + 1)) {
                int end = i + use.length();
                boolean whole = end >= shown.length() || !Character.isLetterOrDigit(shown.charAt(end)) && shown.charAt(end) != '_'
                        && shown.charAt(end) != '-';
                if (whole && unit.get().map().copied(i)) {
                    unit.get().map().toSource(new TextEdit(i, end, "$" + valid))
                            .ifPresent(e -> edits.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e.edit()));
                }
            }
        }
        out.add(new Action("Rename `" + old + "` to `" + valid + "` everywhere", Kind.QUICK_FIX, d, edits, Map.of(), true));
    }

    private static SyntaxNode attrAt(DocumentModel doc, TextRange range) {
        List<SyntaxNode> path = NixNodes.pathAt(doc.nix().root(), range.start());
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).field() != null && path.get(i).field().equals("attr")) {
                return path.get(i);
            }
        }
        return path.get(path.size() - 1);
    }

    /** The closest MCL variable name: lower case, other characters as {@code _}; null when none is close. */
    static String validVarName(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_").replaceAll("^[^a-z]+", "")
                .replaceAll("_+$", "");
        return VALID_VAR.matcher(s).matches() ? s : null;
    }

    /** A number a string field was given: written as the string it was meant to be. */
    private static void numberAsString(DocumentModel doc, Diagnostic d, List<Action> out) {
        if (doc.scan() == null) {
            return;
        }
        for (ResField f : doc.scan().resFields()) {
            if (f.value() != null && f.value().node().range().equals(d.range())) {
                String type = ResSchema.builtIn().kind(f.kind()).map(k -> k.fields().get(f.field())).orElse(null);
                if ("str".equals(type)) {
                    String number = doc.text().substring(d.range().start(), d.range().end());
                    out.add(fix("Write `" + number + "` as a string", d, doc.path(),
                            List.of(new TextEdit(d.range().start(), d.range().end(), "\"" + number + "\"")), true));
                }
            }
        }
    }

    // ---------------------------------------------------------------- refactorings

    private static void refactorings(DocumentModel doc, TextRange range, Options options, List<Action> out) {
        if (doc.scan() == null) {
            return;
        }
        for (FragmentSite s : doc.scan().sites()) {
            if (s.role() != FragmentRole.RAW || !s.expression().range().touches(range)) {
                continue;
            }
            if (s.string() != null && options.canCreateFiles()) {
                RawBlockFiles.extract(doc, s, options.exists()).ifPresent(out::add);
            } else if (s.readFile() != null && !s.dropFinalNewline()) {
                RawBlockFiles.inline(doc, s).ifPresent(out::add);
            }
        }
    }
}
