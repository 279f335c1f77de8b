package rxlsp.mcl.model;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.ast.Expr;

/**
 * The left spine of expressions that chain to the left: binary operators, {@code x[i]}, {@code x->f}
 * and {@code a <|> b}. The parser builds such chains in a loop, so they can be as deep as they are
 * long; walkers follow the spine with a loop and recurse only into the other operands.
 */
public final class Spines {
    private Spines() {
    }

    /** The operand the chain continues through, or {@code null} when {@code e} is not a chain link. */
    public static Expr left(Expr e) {
        return switch (e) {
            case Expr.Binary b -> b.left();
            case Expr.Index i -> i.target();
            case Expr.FieldAccess f -> f.target();
            case Expr.Except x -> x.value();
            default -> null;
        };
    }

    /** The other operands of a chain link, in source order (absent optional ones left out). */
    public static List<Expr> others(Expr e) {
        List<Expr> out = new ArrayList<>(2);
        switch (e) {
            case Expr.Binary b -> out.add(b.right());
            case Expr.Index i -> {
                out.add(i.index());
                if (i.fallback() != null) {
                    out.add(i.fallback());
                }
            }
            case Expr.FieldAccess f -> {
                if (f.fallback() != null) {
                    out.add(f.fallback());
                }
            }
            case Expr.Except x -> out.add(x.fallback());
            default -> {
            }
        }
        return out;
    }
}
