package rxlsp.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.MclNames;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ModuleImport;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.model.Definition;
import rxlsp.nix.NixNames;
import rxlsp.text.TextRange;

/**
 * Where the name at the cursor is defined. MCL: a variable, function, class or import use to its
 * definition, across fragments, modules and files (a raw block's {@code $x} to the
 * {@code rx.mcl.vars.x} attribute, a readFile'd {@code .mcl} file's use to the Nix module,
 * {@code import "x.mcl"} to the file, {@code include c} to the class). Nix: a variable to its binding
 * ({@code let}, function argument, {@code rec} set, {@code inherit}), a path in {@code imports} or
 * {@code readFile} to the file. Declarations and type definitions are the same places in both
 * languages (MCL has no separate type declarations).
 */
public final class GoToDefinition {
    private GoToDefinition() {
    }

    public static List<SourceLocation> at(Cursor cursor) {
        Optional<Cursor.Mcl> mcl = cursor.mcl();
        if (mcl.isPresent()) {
            Optional<MclNames.Named> named = MclNames.at(mcl.get());
            if (named.isPresent()) {
                return mcl(mcl.get().unit(), named.get().definition());
            }
        }
        return nix(cursor);
    }

    /** Where an MCL definition is written, through the program's map. */
    static List<SourceLocation> mcl(MclUnit unit, Definition d) {
        if (d instanceof Definition.Import i && i.moduleFile() != null) {
            return List.of(new SourceLocation(Path.of(i.moduleFile()), TextRange.at(0)));
        }
        if (d.file() != null && d.range() != null) {
            return List.of(new SourceLocation(Path.of(d.file()), d.range()));
        }
        TextRange name = MclNames.nameRange(d);
        if (name == null) {
            return List.of();
        }
        return unit.map().toSource(name).map(List::of).orElse(List.of());
    }

    private static List<SourceLocation> nix(Cursor cursor) {
        var doc = cursor.document();
        if (doc.nix() == null) {
            return List.of();
        }
        int offset = cursor.offset();
        List<SourceLocation> out = new ArrayList<>();
        if (doc.scan() != null) {
            for (ModuleImport imp : doc.scan().imports()) {
                if (imp.range().start() <= offset && offset <= imp.range().end()) {
                    Path target = imp.target().toString().endsWith(".nix") ? imp.target() : imp.target().resolve("default.nix");
                    out.add(new SourceLocation(target, TextRange.at(0)));
                }
            }
            for (FragmentSite s : doc.scan().sites()) {
                if (s.readFile() != null && s.expression().start() <= offset && offset <= s.expression().end()) {
                    out.add(new SourceLocation(s.readFile(), TextRange.at(0)));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        NixNames names = doc.nixNames();
        return names.definitionAt(offset).map(r -> List.of(new SourceLocation(doc.path(), r))).orElse(List.of());
    }
}
