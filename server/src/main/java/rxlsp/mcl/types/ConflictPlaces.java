package rxlsp.mcl.types;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.model.Resolution;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * The other side of a type conflict. rx-lsp reports a conflict where unification failed, often a use
 * of a name; mgmt sometimes pins the same conflict to the name's declaration or to the value that
 * gave it its type. Each name used inside the reported expression whose definition is in the program
 * (a variable, a parameter, a function) becomes a related place, so both are on screen.
 */
final class ConflictPlaces {
    /** More related places than this are noise. */
    private static final int MAX_PLACES = 4;

    private ConflictPlaces() {
    }

    static Diagnostic relate(Diagnostic d, Resolution resolution) {
        List<Map.Entry<Node, Definition>> inside = new ArrayList<>();
        for (Map.Entry<Node, Definition> use : resolution.uses().entrySet()) {
            TextRange r = use.getKey().range();
            if (r.start() >= d.range().start() && r.end() <= d.range().end() && use.getValue().file() == null
                    && (use.getKey() instanceof Expr || use.getKey() instanceof StringPart)) {
                inside.add(use);
            }
        }
        inside.sort(Comparator.comparing(e -> e.getKey().range()));
        Diagnostic out = d;
        List<TextRange> seen = new ArrayList<>();
        for (Map.Entry<Node, Definition> use : inside) {
            if (out.related().size() - d.related().size() >= MAX_PLACES) {
                break;
            }
            TextRange place = switch (use.getValue()) {
                case Definition.Bind b -> b.stmt().range();
                case Definition.Param p -> p.param().range();
                case Definition.Func f -> f.stmt().nameRange();
                default -> null;
            };
            if (place == null || place.touches(d.range()) && place.start() >= d.range().start() || seen.contains(place)) {
                continue;
            }
            seen.add(place);
            String note = switch (use.getValue()) {
                case Definition.Bind b -> "`$" + b.name() + "` gets its type here";
                case Definition.Param p -> "parameter `$" + p.name() + "` is declared here";
                case Definition.Func f -> "func `" + f.name() + "` is defined here";
                default -> "";
            };
            out = out.withRelated(place, note);
        }
        return out;
    }
}
