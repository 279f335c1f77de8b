package rxlsp.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.check.ImportPaths;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.model.MclNodes;
import rxlsp.mcl.model.Resolution;
import rxlsp.text.TextRange;

/**
 * Names in an MCL unit, for the features that follow them: what the name at the cursor refers to (a
 * use through name resolution, or a definition itself), where a definition's name is written, and
 * every use of a definition. Ranges are program offsets of the unit.
 */
public final class MclNames {
    private MclNames() {
    }

    /** A definition and the node the cursor named it by (a use, or the definition's own statement). */
    public record Named(Definition definition, Node at, TextRange nameRange) {
    }

    /** What the name under the cursor refers to; empty when the cursor is on no name, or on one that did not resolve. */
    public static Optional<Named> at(Cursor.Mcl cursor) {
        Resolution resolution = cursor.unit().checked().resolution();
        int offset = cursor.programOffset();
        for (int i = cursor.path().size() - 1; i >= 0; i--) {
            Node n = cursor.path().get(i);
            Optional<Named> found = named(n, offset, resolution, i > 0 ? cursor.path().get(i - 1) : null);
            if (found.isPresent()) {
                return found;
            }
            if (n instanceof Stmt || n instanceof Expr.Lambda) {
                return Optional.empty(); // a statement's other parts name nothing
            }
        }
        return Optional.empty();
    }

    private static Optional<Named> named(Node n, int offset, Resolution resolution, Node parent) {
        switch (n) {
            case Expr.Var v -> {
                return resolution.of(v).map(d -> new Named(d, v, useRange(v)));
            }
            case Expr.Call c when within(c.functionRange(), offset) -> {
                return resolution.of(c).map(d -> new Named(d, c, c.functionRange()));
            }
            case StringPart.Interpolation p -> {
                return resolution.of(p).map(d -> new Named(d, p, p.nameRange()));
            }
            case Stmt.Include inc when within(inc.nameRange(), offset) -> {
                return resolution.of(inc).map(d -> new Named(d, inc, inc.nameRange()));
            }
            case Stmt.Bind b when within(b.nameRange(), offset) -> {
                return Optional.of(new Named(new Definition.Bind(b.name(), b, null), b, b.nameRange()));
            }
            case Stmt.Func f when within(f.nameRange(), offset) -> {
                return Optional.of(new Named(new Definition.Func(f.name(), f, null), f, f.nameRange()));
            }
            case Stmt.Class c when within(c.nameRange(), offset) -> {
                String name = c.path().get(c.path().size() - 1);
                return Optional.of(new Named(new Definition.Class(name, c, null), c, c.nameRange()));
            }
            case Stmt.Import imp when within(imp.range(), offset) -> {
                String alias = imp.alias() != null ? imp.alias() : ImportPaths.alias(imp.path());
                return Optional.of(new Named(new Definition.Import(alias, imp, null, imp.path(), null), imp, imp.pathRange()));
            }
            case Param p when within(paramName(p), offset) -> {
                return Optional.of(new Named(new Definition.Param(p.name(), p, parent, null), p, paramName(p)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static boolean within(TextRange r, int offset) {
        return r != null && r.start() <= offset && offset <= r.end();
    }

    /** The {@code $name} part of a parameter (its range also covers a type annotation). */
    public static TextRange paramName(Param p) {
        return new TextRange(p.range().start(), Math.min(p.range().end(), p.range().start() + 1 + p.name().length()));
    }

    /** The range of a use's name: {@code $x} of a variable, the name of a call or an include. */
    public static TextRange useRange(Node use) {
        return switch (use) {
            case Expr.Call c -> c.functionRange();
            case Stmt.Include i -> i.nameRange();
            case StringPart.Interpolation p -> p.nameRange();
            default -> use.range();
        };
    }

    /**
     * What makes two definitions the same: the statement or parameter that defines the name, or the
     * catalogue entry; so definitions found through different scopes compare equal.
     */
    public static Object identity(Definition d) {
        return switch (d) {
            case Definition.Bind b -> b.stmt();
            case Definition.Func f -> f.stmt();
            case Definition.Class c -> c.stmt();
            case Definition.Param p -> p.param();
            case Definition.Import i -> i.stmt();
            case Definition.Include i -> i.stmt();
            case Definition.Builtin b -> b.info();
            case Definition.Global g -> g.info();
            case Definition.Opaque o -> "opaque:" + o.name();
        };
    }

    /** Whether two definitions are the same one. */
    public static boolean same(Definition a, Definition b) {
        Object x = identity(a);
        Object y = identity(b);
        return x instanceof String ? x.equals(y) : x == y;
    }

    /** Where the definition's own name is written in its unit's program; null for catalogue entries and other files. */
    public static TextRange nameRange(Definition d) {
        if (d.file() != null) {
            return null;
        }
        return switch (d) {
            case Definition.Bind b -> b.stmt().nameRange();
            case Definition.Func f -> f.stmt().nameRange();
            case Definition.Class c -> c.stmt().nameRange();
            case Definition.Param p -> paramName(p.param());
            case Definition.Import i -> i.stmt().pathRange();
            case Definition.Include i -> i.stmt().range();
            default -> null;
        };
    }

    /**
     * Every use of {@code d} in the unit's program, as the ranges of the names used, in source order;
     * for a class also the {@code c} of {@code class c:inner} in the same body (mgmt's sugar for
     * defining {@code inner} inside {@code c}).
     */
    public static List<TextRange> uses(MclUnit unit, Definition d) {
        Resolution resolution = unit.checked().resolution();
        List<TextRange> out = new ArrayList<>();
        MclNodes.walk(unit.program(), n -> resolution.of(n).ifPresent(found -> {
            if (same(found, d)) {
                out.add(useRange(n));
            }
        }));
        if (d instanceof Definition.Class c && d.file() == null) {
            out.addAll(sugarParents(unit.program(), c.stmt()));
            out.sort(null);
        }
        return out;
    }

    /** Where {@code class} names the class {@code target} as the parent in {@code class target:…} of the same body. */
    private static List<TextRange> sugarParents(rxlsp.mcl.ast.Program program, Stmt.Class target) {
        List<TextRange> out = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        bodies.add(program.statements());
        rxlsp.mcl.model.MclWalk.statements(program, s -> {
            if (s instanceof Stmt.Class c) {
                bodies.add(c.body());
            }
        });
        String name = target.path().get(target.path().size() - 1);
        for (List<Stmt> body : bodies) {
            if (body.stream().noneMatch(s -> s == target)) {
                continue;
            }
            for (Stmt s : body) {
                if (s instanceof Stmt.Class c && c != target && c.path().size() > 1) {
                    int at = c.nameRange().start();
                    for (int i = 0; i < c.path().size() - 1; i++) {
                        if (c.path().get(i).equals(name) && i == target.path().size() - 1
                                && c.path().subList(0, i).equals(target.path().subList(0, i))) {
                            out.add(new TextRange(at, at + name.length()));
                        }
                        at += c.path().get(i).length() + 1;
                    }
                }
            }
        }
        return out;
    }
}
