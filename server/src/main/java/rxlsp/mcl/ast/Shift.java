package rxlsp.mcl.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import rxlsp.text.TextRange;

/**
 * Copies of syntax trees moved by a fixed number of UTF-16 units: what an edit before a statement does
 * to it, and how a statement parsed from a piece of a text is placed back in the whole text. Nodes are
 * immutable records, so moving one means rebuilding it with every range moved.
 */
public final class Shift {
    private final int by;

    private Shift(int by) {
        this.by = by;
    }

    /** The statement moved by {@code by} units (the same object when {@code by} is 0). */
    public static Stmt stmt(Stmt s, int by) {
        return by == 0 ? s : new Shift(by).stmt(s);
    }

    public static Comment comment(Comment c, int by) {
        return by == 0 ? c : new Comment(new Shift(by).range(c.range()), c.text(), c.ownLine());
    }

    private TextRange range(TextRange r) {
        return r == null ? null : r.shifted(by);
    }

    private <T> List<T> all(List<T> nodes, UnaryOperator<T> move) {
        if (nodes == null) {
            return null;
        }
        List<T> out = new ArrayList<>(nodes.size());
        for (T n : nodes) {
            out.add(move.apply(n));
        }
        return out;
    }

    private Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.Bind b -> new Stmt.Bind(range(b.range()), b.name(), range(b.nameRange()), type(b.type()), expr(b.value()));
            case Stmt.Resource r -> resource(r);
            case Stmt.EdgeChain e -> new Stmt.EdgeChain(range(e.range()), all(e.halves(), this::half));
            case Stmt.SendRecv sr -> new Stmt.SendRecv(range(sr.range()), half(sr.from()), sr.sendField(), half(sr.to()),
                    sr.recvField());
            case Stmt.If i -> new Stmt.If(range(i.range()), expr(i.condition()), all(i.then(), this::stmt),
                    all(i.otherwise(), this::stmt));
            case Stmt.For f -> new Stmt.For(range(f.range()), param(f.index()), param(f.value()), expr(f.list()),
                    all(f.body(), this::stmt));
            case Stmt.ForKv f -> new Stmt.ForKv(range(f.range()), param(f.key()), param(f.value()), expr(f.map()),
                    all(f.body(), this::stmt));
            case Stmt.Func f -> new Stmt.Func(range(f.range()), f.name(), range(f.nameRange()), all(f.params(), this::param),
                    type(f.result()), expr(f.body()));
            case Stmt.Class c -> new Stmt.Class(range(c.range()), c.path(), range(c.nameRange()), all(c.params(), this::param),
                    all(c.body(), this::stmt));
            case Stmt.Include i -> new Stmt.Include(range(i.range()), i.name(), range(i.nameRange()), all(i.args(), this::expr),
                    i.alias());
            case Stmt.Import i -> new Stmt.Import(range(i.range()), i.path(), range(i.pathRange()), i.alias());
            case Stmt.Panic p -> new Stmt.Panic(range(p.range()), all(p.args(), this::expr));
            case Stmt.Collect c -> new Stmt.Collect(range(c.range()), resource(c.resource()));
        };
    }

    private Stmt.Resource resource(Stmt.Resource r) {
        return new Stmt.Resource(range(r.range()), r.kind(), range(r.kindRange()), expr(r.name()), all(r.items(), this::item));
    }

    private Stmt.EdgeHalf half(Stmt.EdgeHalf h) {
        return h == null ? null : new Stmt.EdgeHalf(range(h.range()), h.kind(), expr(h.name()));
    }

    private ResourceItem item(ResourceItem item) {
        return switch (item) {
            case ResourceItem.Field f -> new ResourceItem.Field(range(f.range()), f.name(), range(f.nameRange()),
                    expr(f.condition()), expr(f.value()));
            case ResourceItem.Edge e -> new ResourceItem.Edge(range(e.range()), e.kind(), range(e.kindRange()),
                    expr(e.condition()), half(e.target()));
            case ResourceItem.MetaField m -> new ResourceItem.MetaField(range(m.range()), m.property(),
                    range(m.propertyRange()), expr(m.condition()), expr(m.value()));
            case ResourceItem.Meta m -> new ResourceItem.Meta(range(m.range()), expr(m.condition()), expr(m.value()));
            case ResourceItem.Unknown u -> new ResourceItem.Unknown(range(u.range()), u.name(), range(u.nameRange()),
                    expr(u.condition()), expr(u.value()));
        };
    }

    private Param param(Param p) {
        return p == null ? null : new Param(range(p.range()), p.name(), type(p.type()));
    }

    private Expr expr(Expr e) {
        if (e == null) {
            return null;
        }
        return switch (e) {
            case Expr.Bool b -> new Expr.Bool(range(b.range()), b.value());
            case Expr.Int i -> new Expr.Int(range(i.range()), i.text());
            case Expr.Float f -> new Expr.Float(range(f.range()), f.text());
            case Expr.Str s -> new Expr.Str(range(s.range()), s.raw(), all(s.parts(), this::part));
            case Expr.ListLit l -> new Expr.ListLit(range(l.range()), all(l.elements(), this::expr));
            case Expr.MapLit m -> new Expr.MapLit(range(m.range()), all(m.entries(),
                    x -> new Expr.MapEntry(range(x.range()), expr(x.key()), expr(x.value()))));
            case Expr.StructLit s -> new Expr.StructLit(range(s.range()), all(s.fields(),
                    f -> new Expr.StructField(range(f.range()), f.name(), range(f.nameRange()), expr(f.value()))));
            case Expr.Var v -> new Expr.Var(range(v.range()), v.name());
            case Expr.Call c -> new Expr.Call(range(c.range()), c.function(), range(c.functionRange()), all(c.args(), this::expr));
            case Expr.Apply a -> new Expr.Apply(range(a.range()), expr(a.callee()), all(a.args(), this::expr));
            case Expr.Lambda l -> new Expr.Lambda(range(l.range()), all(l.params(), this::param), type(l.result()), expr(l.body()));
            case Expr.If i -> new Expr.If(range(i.range()), expr(i.condition()), expr(i.then()), expr(i.otherwise()));
            case Expr.Binary b -> new Expr.Binary(range(b.range()), b.op(), range(b.opRange()), expr(b.left()), expr(b.right()));
            case Expr.Not n -> new Expr.Not(range(n.range()), expr(n.operand()));
            case Expr.Index i -> new Expr.Index(range(i.range()), expr(i.target()), expr(i.index()), expr(i.fallback()));
            case Expr.FieldAccess f -> new Expr.FieldAccess(range(f.range()), expr(f.target()), f.field(), range(f.fieldRange()),
                    expr(f.fallback()));
            case Expr.Except x -> new Expr.Except(range(x.range()), expr(x.value()), expr(x.fallback()));
            case Expr.Paren p -> new Expr.Paren(range(p.range()), expr(p.inner()));
        };
    }

    private StringPart part(StringPart p) {
        return switch (p) {
            case StringPart.Text t -> new StringPart.Text(range(t.range()), t.value());
            case StringPart.Interpolation i -> new StringPart.Interpolation(range(i.range()), i.name(), range(i.nameRange()));
        };
    }

    private MclType type(MclType t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case MclType.Scalar s -> new MclType.Scalar(range(s.range()), s.name());
            case MclType.ListOf l -> new MclType.ListOf(range(l.range()), type(l.element()));
            case MclType.MapOf m -> new MclType.MapOf(range(m.range()), type(m.key()), type(m.value()));
            case MclType.StructOf s -> new MclType.StructOf(range(s.range()), all(s.fields(),
                    f -> new MclType.Field(range(f.range()), f.name(), type(f.type()))));
            case MclType.FuncOf f -> new MclType.FuncOf(range(f.range()), all(f.args(),
                    a -> new MclType.Arg(range(a.range()), a.name(), type(a.type()))), type(f.result()));
        };
    }
}
