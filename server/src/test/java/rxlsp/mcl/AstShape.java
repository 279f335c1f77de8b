package rxlsp.mcl;

import java.util.stream.Collectors;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.StringPart;

/** Prints an expression as a compact S-expression, so that tests can state a tree's shape in one line. */
final class AstShape {
    private AstShape() {
    }

    static String of(Expr e) {
        return switch (e) {
            case Expr.Bool b -> Boolean.toString(b.value());
            case Expr.Int i -> i.text();
            case Expr.Float f -> f.text();
            case Expr.Str s -> s.parts().stream().map(p -> switch (p) {
                case StringPart.Text t -> t.value();
                case StringPart.Interpolation in -> "${" + in.name() + "}";
            }).collect(Collectors.joining("", "\"", "\""));
            case Expr.ListLit l -> l.elements().stream().map(AstShape::of).collect(Collectors.joining(" ", "[", "]"));
            case Expr.MapLit m -> m.entries().stream().map(x -> of(x.key()) + "=>" + of(x.value()))
                    .collect(Collectors.joining(" ", "{", "}"));
            case Expr.StructLit s -> s.fields().stream().map(f -> f.name() + "=>" + of(f.value()))
                    .collect(Collectors.joining(" ", "struct{", "}"));
            case Expr.Var v -> "$" + v.name();
            case Expr.Call c -> "(" + c.function() + args(c.args()) + ")";
            case Expr.Apply a -> "(call " + of(a.callee()) + args(a.args()) + ")";
            case Expr.Lambda l -> "(func " + l.params().size() + " " + of(l.body()) + ")";
            case Expr.If i -> "(if " + of(i.condition()) + " " + of(i.then()) + " " + of(i.otherwise()) + ")";
            case Expr.Binary b -> "(" + b.op().symbol() + " " + of(b.left()) + " " + of(b.right()) + ")";
            case Expr.Not n -> "(not " + of(n.operand()) + ")";
            case Expr.Index i -> "([] " + of(i.target()) + " " + of(i.index()) + (i.fallback() != null ? " " + of(i.fallback()) : "") + ")";
            case Expr.FieldAccess f -> "(-> " + of(f.target()) + " " + f.field() + (f.fallback() != null ? " " + of(f.fallback()) : "") + ")";
            case Expr.Except x -> "(<|> " + of(x.value()) + " " + of(x.fallback()) + ")";
            case Expr.Paren p -> "(paren " + of(p.inner()) + ")";
        };
    }

    private static String args(java.util.List<Expr> args) {
        return args.stream().map(a -> " " + of(a)).collect(Collectors.joining());
    }
}
