package rxlsp.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rxlsp.analysis.ConfigurationModel;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.MclNames;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.model.Definition;
import rxlsp.nix.NixNames;
import rxlsp.text.TextRange;

/**
 * Every place the name at the cursor stands for the same thing. MCL: all uses of a variable,
 * function or class across the whole assembled program (every module and file that contributes to
 * it), and its definitions — for an {@code rx.mcl.vars} variable, the attribute in every module that
 * defines it. Nix: the uses of a binding within the file.
 */
public final class References {
    private References() {
    }

    /**
     * One occurrence.
     *
     * @param definition true where the name is defined (written), false where it is read
     */
    public record Occurrence(SourceLocation location, boolean definition) {
    }

    /** @param includeDeclaration whether the definitions are part of the answer */
    public static List<SourceLocation> at(Cursor cursor, boolean includeDeclaration) {
        return occurrences(cursor).stream().filter(o -> includeDeclaration || !o.definition())
                .map(Occurrence::location).toList();
    }

    /** Definitions and uses, in the order definition(s) first, then uses in program order. */
    public static List<Occurrence> occurrences(Cursor cursor) {
        Optional<Cursor.Mcl> mcl = cursor.mcl();
        if (mcl.isPresent()) {
            Optional<MclNames.Named> named = MclNames.at(mcl.get());
            if (named.isPresent()) {
                return mcl(cursor, mcl.get().unit(), named.get().definition());
            }
            return List.of();
        }
        return nix(cursor);
    }

    private static List<Occurrence> mcl(Cursor cursor, MclUnit unit, Definition d) {
        Set<Occurrence> out = new LinkedHashSet<>();
        for (SourceLocation at : definitions(cursor.document().configuration(), unit, d)) {
            out.add(new Occurrence(at, true));
        }
        for (TextRange use : MclNames.uses(unit, d)) {
            unit.map().toSource(use).ifPresent(at -> out.add(new Occurrence(at, false)));
        }
        return new ArrayList<>(out);
    }

    /** Where the definition is written; an rx.mcl.vars variable in every module that defines it. */
    static List<SourceLocation> definitions(ConfigurationModel cfg, MclUnit unit, Definition d) {
        if (cfg != null && unit.kind() == MclUnit.Kind.PROGRAM && d instanceof Definition.Bind b && d.file() == null
                && !unit.map().copied(b.stmt().nameRange().start())) {
            List<SourceLocation> out = new ArrayList<>();
            cfg.varDefinitions(b.name()).forEach(v -> out.add(new SourceLocation(v.file(), v.site().nameRange())));
            return out;
        }
        return GoToDefinition.mcl(unit, d);
    }

    private static List<Occurrence> nix(Cursor cursor) {
        NixNames names = cursor.document().nixNames();
        Optional<TextRange> def = names.definitionAt(cursor.offset());
        if (def.isEmpty()) {
            return List.of();
        }
        List<Occurrence> out = new ArrayList<>();
        out.add(new Occurrence(new SourceLocation(cursor.document().path(), def.get()), true));
        for (TextRange use : names.usesOf(def.get())) {
            out.add(new Occurrence(new SourceLocation(cursor.document().path(), use), false));
        }
        return out;
    }
}
