package rxlsp.mcl.model;

import java.util.List;
import java.util.function.Consumer;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;

/** Visits every statement and every expression of a program, depth first, in source order. */
public final class MclWalk {
    private MclWalk() {
    }

    /** Every statement, nested ones (in if, for, forkv, class and collect) included. */
    public static void statements(Program program, Consumer<Stmt> visit) {
        statements(program.statements(), visit);
    }

    public static void statements(List<Stmt> stmts, Consumer<Stmt> visit) {
        for (Stmt s : stmts) {
            visit.accept(s);
            switch (s) {
                case Stmt.If i -> {
                    statements(i.then(), visit);
                    if (i.otherwise() != null) {
                        statements(i.otherwise(), visit);
                    }
                }
                case Stmt.For f -> statements(f.body(), visit);
                case Stmt.ForKv f -> statements(f.body(), visit);
                case Stmt.Class c -> statements(c.body(), visit);
                case Stmt.Collect c -> statements(List.of(c.resource()), visit);
                default -> {
                }
            }
        }
    }

    /** Every expression, nested ones included, of every statement. */
    public static void expressions(Program program, Consumer<Expr> visit) {
        statements(program, s -> topExpressions(s, e -> expressions(e, visit)));
    }

    /** The expressions a statement holds directly (not those of nested statements). */
    private static void topExpressions(Stmt s, Consumer<Expr> visit) {
        switch (s) {
            case Stmt.Bind b -> visit.accept(b.value());
            case Stmt.Resource r -> {
                visit.accept(r.name());
                for (ResourceItem item : r.items()) {
                    switch (item) {
                        case ResourceItem.Field f -> {
                            accept(visit, f.condition());
                            accept(visit, f.value());
                        }
                        case ResourceItem.Edge e -> {
                            accept(visit, e.condition());
                            accept(visit, e.target().name());
                        }
                        case ResourceItem.MetaField m -> {
                            accept(visit, m.condition());
                            accept(visit, m.value());
                        }
                        case ResourceItem.Meta m -> {
                            accept(visit, m.condition());
                            accept(visit, m.value());
                        }
                        case ResourceItem.Unknown u -> {
                            accept(visit, u.condition());
                            accept(visit, u.value());
                        }
                    }
                }
            }
            case Stmt.EdgeChain c -> c.halves().forEach(h -> accept(visit, h.name()));
            case Stmt.SendRecv sr -> {
                accept(visit, sr.from().name());
                accept(visit, sr.to().name());
            }
            case Stmt.If i -> visit.accept(i.condition());
            case Stmt.For f -> visit.accept(f.list());
            case Stmt.ForKv f -> visit.accept(f.map());
            case Stmt.Func f -> visit.accept(f.body());
            case Stmt.Include i -> {
                if (i.args() != null) {
                    i.args().forEach(visit);
                }
            }
            case Stmt.Panic p -> p.args().forEach(visit);
            default -> {
            }
        }
    }

    private static void accept(Consumer<Expr> visit, Expr e) {
        if (e != null) {
            visit.accept(e);
        }
    }

    /** An expression and everything inside it. */
    public static void expressions(Expr e, Consumer<Expr> visit) {
        if (e == null) {
            return;
        }
        visit.accept(e);
        switch (e) {
            case Expr.ListLit l -> l.elements().forEach(x -> expressions(x, visit));
            case Expr.MapLit m -> m.entries().forEach(x -> {
                expressions(x.key(), visit);
                expressions(x.value(), visit);
            });
            case Expr.StructLit s -> s.fields().forEach(f -> expressions(f.value(), visit));
            case Expr.Call c -> c.args().forEach(x -> expressions(x, visit));
            case Expr.Apply a -> {
                expressions(a.callee(), visit);
                a.args().forEach(x -> expressions(x, visit));
            }
            case Expr.Lambda l -> expressions(l.body(), visit);
            case Expr.If i -> {
                expressions(i.condition(), visit);
                expressions(i.then(), visit);
                expressions(i.otherwise(), visit);
            }
            case Expr.Binary b -> {
                expressions(b.left(), visit);
                expressions(b.right(), visit);
            }
            case Expr.Not n -> expressions(n.operand(), visit);
            case Expr.Index i -> {
                expressions(i.target(), visit);
                expressions(i.index(), visit);
                expressions(i.fallback(), visit);
            }
            case Expr.FieldAccess f -> {
                expressions(f.target(), visit);
                expressions(f.fallback(), visit);
            }
            case Expr.Except x -> {
                expressions(x.value(), visit);
                expressions(x.fallback(), visit);
            }
            case Expr.Paren p -> expressions(p.inner(), visit);
            default -> {
            }
        }
    }
}
