package rxlsp.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import rxlsp.analysis.ConfigurationModel;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.MclNames;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FileEdit;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.model.MclNodes;
import rxlsp.mcl.model.Resolution;
import rxlsp.nix.NixNames;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Renames the name at the cursor everywhere it stands for the same thing. MCL variables (an
 * {@code rx.mcl.vars} name too: the Nix attribute in every module and every {@code $name} use),
 * parameters, functions and classes, written back into Nix strings escape-safely; Nix local bindings.
 * Refused, with the reason, where an occurrence cannot be written exactly (inside a Nix {@code ${…}},
 * in a file outside the workspace), where the new name is not a name of the language, or where the
 * renamed program would resolve differently or report more (a collision in scope).
 */
public final class Rename {
    private static final Pattern MCL_NAME = Pattern.compile("[a-z]([a-z0-9_]*[a-z0-9])?");
    private static final Pattern NIX_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_'-]*");
    private static final Set<String> MCL_KEYWORDS = Set.of("if", "else", "and", "or", "not", "in", "for", "forkv",
            "true", "false", "func", "class", "include", "import", "as", "panic", "collect", "bool", "str", "int",
            "float", "map", "struct", "variant");
    private static final Set<String> NIX_KEYWORDS = Set.of("if", "then", "else", "assert", "with", "let", "in", "rec",
            "inherit", "or");

    private Rename() {
    }

    /** What can be renamed at the cursor: the name's range in the document and its current text. */
    public record Target(TextRange range, String placeholder) {
    }

    /** An answer: the edits per file, or why not. */
    public sealed interface Outcome {
    }

    public record Edits(Map<Path, List<TextEdit>> edits) implements Outcome {
    }

    public record Refused(String reason) implements Outcome {
    }

    /** For {@code prepareRename}: the name under the cursor, or why it cannot be renamed. */
    public static Optional<Object> prepare(Cursor cursor) {
        Optional<Cursor.Mcl> mcl = cursor.mcl();
        if (mcl.isPresent()) {
            Optional<MclNames.Named> named = MclNames.at(mcl.get());
            if (named.isEmpty()) {
                return Optional.empty();
            }
            String why = unrenamable(named.get().definition());
            if (why != null) {
                return Optional.of(new Refused(why));
            }
            TextRange r = Hover.inDocument(cursor, mcl.get().unit(), named.get().nameRange());
            if (r == null) {
                return Optional.empty();
            }
            return Optional.of(new Target(r, named.get().definition().name()));
        }
        NixNames names = cursor.document().nixNames();
        Optional<TextRange> def = names.definitionAt(cursor.offset());
        if (def.isEmpty()) {
            return Optional.empty();
        }
        TextRange at = names.usesOf(def.get()).stream().filter(u -> u.start() <= cursor.offset() && cursor.offset() <= u.end())
                .findFirst().orElse(def.get());
        return Optional.of(new Target(at, cursor.document().text().substring(at.start(), at.end())));
    }

    /**
     * @param newName     the new name ({@code $} optional for MCL variables)
     * @param inWorkspace which files may be edited
     */
    public static Outcome rename(Cursor cursor, String newName, Predicate<Path> inWorkspace) {
        Optional<Cursor.Mcl> mcl = cursor.mcl();
        if (mcl.isPresent()) {
            Optional<MclNames.Named> named = MclNames.at(mcl.get());
            if (named.isEmpty()) {
                return new Refused("there is no MCL name to rename here");
            }
            return mcl(cursor.document().configuration(), mcl.get().unit(), named.get().definition(),
                    newName.startsWith("$") ? newName.substring(1) : newName, inWorkspace);
        }
        return nix(cursor, newName);
    }

    private static String unrenamable(Definition d) {
        return switch (d) {
            case Definition.Builtin b -> "`" + b.name() + "` is part of mgmt, not of this program";
            case Definition.Global g -> "`$" + g.name() + "` is part of mgmt, not of this program";
            case Definition.Opaque o -> "rx-lsp cannot see the definition of `" + o.name() + "`";
            case Definition.Import i -> "imports are renamed with `as`, not by renaming the package";
            case Definition.Include i -> "rename the class instead";
            default -> d.file() != null ? "`" + d.name() + "` is defined in an imported file" : null;
        };
    }

    private static Outcome mcl(ConfigurationModel cfg, MclUnit unit, Definition d, String newName, Predicate<Path> inWorkspace) {
        String why = unrenamable(d);
        if (why != null) {
            return new Refused(why);
        }
        if (!MCL_NAME.matcher(newName).matches() || MCL_KEYWORDS.contains(newName)) {
            return new Refused("`" + newName + "` is not an MCL name (lower-case letters, digits and `_`, starting with a letter)");
        }
        String old = d.name();
        if (old.equals(newName)) {
            return new Edits(Map.of());
        }
        // every occurrence, as program ranges: the definition's name and each use
        List<TextRange> occurrences = new ArrayList<>();
        TextRange def = MclNames.nameRange(d);
        if (def != null) {
            occurrences.add(def);
        }
        occurrences.addAll(MclNames.uses(unit, d));
        occurrences.sort(Comparator.naturalOrder());
        List<TextEdit> programEdits = new ArrayList<>();
        for (TextRange r : new LinkedHashSet<>(occurrences)) {
            String written = unit.text().substring(r.start(), r.end());
            if (!written.endsWith(old)) {
                return new Refused("an occurrence of `" + old + "` is written in a way rx-lsp cannot rename (`" + written + "`)");
            }
            programEdits.add(new TextEdit(r.end() - old.length(), r.end(), newName));
        }
        String collision = fresh(unit, newName) ? null : collision(unit, programEdits);
        if (collision != null) {
            return new Refused("renaming `" + old + "` to `" + newName + "` " + collision);
        }
        Map<Path, Set<TextEdit>> out = new LinkedHashMap<>();
        boolean varFromNix = d instanceof Definition.Bind b && unit.kind() == MclUnit.Kind.PROGRAM
                && !unit.map().copied(b.stmt().nameRange().start());
        for (TextEdit e : programEdits) {
            if (varFromNix && def != null && e.start() >= def.start() && e.end() <= def.end()) {
                continue; // the `$name` rx.nix writes: renamed in the Nix attributes below
            }
            Optional<FileEdit> fe = unit.map().toSource(e);
            if (fe.isEmpty()) {
                return new Refused("an occurrence of `" + old + "` cannot be rewritten exactly where it is written "
                        + "(inside a Nix `${…}` interpolation, or text rx.nix generates)");
            }
            out.computeIfAbsent(fe.get().file(), k -> new LinkedHashSet<>()).add(fe.get().edit());
        }
        if (varFromNix) {
            if (cfg == null) {
                return new Refused("the configuration that defines `$" + old + "` is not loaded");
            }
            for (ConfigurationModel.VarDefinition v : cfg.varDefinitions(old)) {
                TextRange r = v.site().nameRange();
                String written = v.text().substring(r.start(), r.end());
                String replacement = written.startsWith("\"") || NIX_KEYWORDS.contains(newName) ? "\"" + newName + "\"" : newName;
                out.computeIfAbsent(v.file(), k -> new LinkedHashSet<>()).add(new TextEdit(r.start(), r.end(), replacement));
            }
        }
        for (Path file : out.keySet()) {
            if (!inWorkspace.test(file)) {
                return new Refused("`" + old + "` also occurs in " + file + ", which is outside the workspace");
            }
        }
        Map<Path, List<TextEdit>> edits = new LinkedHashMap<>();
        out.forEach((f, es) -> edits.put(f, List.copyOf(es)));
        return new Edits(edits);
    }

    /**
     * A name the program does not mention anywhere and mgmt does not define cannot collide or capture:
     * then the re-check (a whole parse and check of the program) is not needed.
     */
    private static boolean fresh(MclUnit unit, String name) {
        if (unit.catalog().variable(name).isPresent() || unit.catalog().function(name).isPresent()) {
            return false;
        }
        java.util.regex.Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(unit.text());
        return !m.find();
    }

    /**
     * Why the renamed program would mean something else: it must parse, report nothing new, and every
     * name must resolve to the same definition as before (at its moved place).
     */
    private static String collision(MclUnit unit, List<TextEdit> edits) {
        String renamed = applySorted(unit.text(), edits);
        MclParseResult reparsed = MclFrontEnd.parse(renamed, unit.dialect());
        if (reparsed.diagnostics().size() > unit.parsed().diagnostics().size()) {
            return "would not parse";
        }
        MclCheckResult after = unit.recheck(renamed, reparsed);
        if (after.diagnostics().size() > unit.checked().diagnostics().size()) {
            return "would collide with a name already in scope (" + after.diagnostics().get(0).message() + ")";
        }
        List<Object> before = targets(unit.program(), unit.checked().resolution(), edits);
        List<Object> now = targets(reparsed.program(), after.resolution(), List.of());
        if (!before.equals(now)) {
            return "would make a name refer to another definition (shadowing)";
        }
        return null;
    }

    /** What every use refers to, in walk order: the (shifted) start of its definition's name, or the catalogue entry. */
    private static List<Object> targets(rxlsp.mcl.ast.Program program, Resolution resolution, List<TextEdit> shift) {
        List<Object> out = new ArrayList<>();
        MclNodes.walk(program, n -> resolution.of(n).ifPresent(d -> {
            TextRange r = MclNames.nameRange(d);
            out.add(r == null ? MclNames.identity(d) : (Object) shifted(r.start(), shift));
        }));
        return out;
    }

    private static int shifted(int offset, List<TextEdit> edits) {
        int by = 0;
        for (TextEdit e : edits) {
            if (e.end() <= offset) {
                by += e.newText().length() - (e.end() - e.start());
            }
        }
        return offset + by;
    }

    private static String applySorted(String text, List<TextEdit> edits) {
        StringBuilder out = new StringBuilder(text);
        for (int i = edits.size() - 1; i >= 0; i--) {
            TextEdit e = edits.get(i);
            out.replace(e.start(), e.end(), e.newText());
        }
        return out.toString();
    }

    private static Outcome nix(Cursor cursor, String newName) {
        NixNames names = cursor.document().nixNames();
        Optional<TextRange> def = names.definitionAt(cursor.offset());
        if (def.isEmpty()) {
            return new Refused("there is no name to rename here");
        }
        if (!NIX_NAME.matcher(newName).matches() || NIX_KEYWORDS.contains(newName)) {
            return new Refused("`" + newName + "` is not a Nix identifier");
        }
        String text = cursor.document().text();
        // conservative: a name already bound or used in the file could capture or be captured
        for (NixNames.Use u : names.uses()) {
            if (text.substring(u.range().start(), u.range().end()).equals(newName)) {
                return new Refused("`" + newName + "` is already used in this file; renaming to it could change what names refer to");
            }
        }
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(def.get().start(), def.get().end(), newName));
        for (TextRange use : names.usesOf(def.get())) {
            edits.add(new TextEdit(use.start(), use.end(), newName));
        }
        return new Edits(Map.of(cursor.document().path(), List.copyOf(new LinkedHashSet<>(edits))));
    }
}
