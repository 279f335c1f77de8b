package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.model.MclNodes;
import rxlsp.mcl.types.Type;
import rxlsp.text.TextRange;

/**
 * The inferred types of MCL variables and lambda parameters that the source leaves unannotated,
 * shown after their names ({@code $x}{@code  str}). Off unless the user turns them on.
 */
public final class InlayHints {
    private InlayHints() {
    }

    /** A hint: {@code label} shown at {@code offset} of the document. */
    public record Hint(int offset, String label) {
    }

    public static List<Hint> in(DocumentModel doc, TextRange range) {
        List<Hint> out = new ArrayList<>();
        for (MclUnit unit : doc.units()) {
            MclNodes.walk(unit.program(), n -> {
                switch (n) {
                    case Stmt.Bind b when b.type() == null -> hint(doc, unit, b.nameRange(), unit.checked().types().typeOf(b.value()), range, out);
                    case Expr.Lambda l -> l.params().stream().filter(p -> p.type() == null)
                            .forEach(p -> hint(doc, unit, rxlsp.analysis.MclNames.paramName(p), paramType(unit, p), range, out));
                    default -> {
                    }
                }
            });
        }
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return out;
    }

    private static Optional<Type> paramType(MclUnit unit, Param p) {
        for (TextRange use : rxlsp.analysis.MclNames.uses(unit, new rxlsp.mcl.model.Definition.Param(p.name(), p, null, null))) {
            for (var n : MclNodes.pathAt(unit.program(), use.start())) {
                if (n instanceof Expr.Var v && v.range().equals(use)) {
                    Optional<Type> t = unit.checked().types().typeOf(v);
                    if (t.isPresent()) {
                        return t;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void hint(DocumentModel doc, MclUnit unit, TextRange name, Optional<Type> type, TextRange range, List<Hint> out) {
        if (type.isEmpty() || type.get().toString().contains("?") || !unit.map().copied(name.start())) {
            return; // not determined, or a name rx.nix writes itself
        }
        Optional<SourceLocation> at = unit.map().toSource(TextRange.at(name.end()));
        if (at.isPresent() && at.get().file().equals(doc.path()) && range.start() <= at.get().range().start()
                && at.get().range().start() <= range.end()) {
            out.add(new Hint(at.get().range().start(), " " + type.get()));
        }
    }
}
