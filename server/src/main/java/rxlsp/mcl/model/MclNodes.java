package rxlsp.mcl.model;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.MclType;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.StringPart;

/**
 * The tree structure of MCL syntax as one uniform shape: every node's direct children in source
 * order, and the chain of nodes that contain an offset. Features start from here to find what the
 * cursor is on.
 */
public final class MclNodes {
    private MclNodes() {
    }

    /** The nodes directly inside {@code node}, in source order (absent optional parts left out). */
    public static List<Node> children(Node node) {
        List<Node> out = new ArrayList<>(4);
        switch (node) {
            case Program p -> out.addAll(p.statements());
            case Stmt s -> statementChildren(s, out);
            case Expr e -> expressionChildren(e, out);
            case ResourceItem item -> itemChildren(item, out);
            case Stmt.EdgeHalf h -> add(out, h.name());
            case Expr.MapEntry m -> add(out, m.key(), m.value());
            case Expr.StructField f -> add(out, f.value());
            case Param p -> add(out, p.type());
            case MclType t -> typeChildren(t, out);
            case MclType.Field f -> add(out, f.type());
            case MclType.Arg a -> add(out, a.type());
            case StringPart ignored -> {
            }
            default -> {
            }
        }
        return out;
    }

    private static void statementChildren(Stmt s, List<Node> out) {
        switch (s) {
            case Stmt.Bind b -> add(out, b.type(), b.value());
            case Stmt.Resource r -> {
                add(out, r.name());
                out.addAll(r.items());
            }
            case Stmt.EdgeChain c -> out.addAll(c.halves());
            case Stmt.SendRecv sr -> add(out, sr.from(), sr.to());
            case Stmt.If i -> {
                add(out, i.condition());
                out.addAll(i.then());
                if (i.otherwise() != null) {
                    out.addAll(i.otherwise());
                }
            }
            case Stmt.For f -> {
                add(out, f.index(), f.value(), f.list());
                out.addAll(f.body());
            }
            case Stmt.ForKv f -> {
                add(out, f.key(), f.value(), f.map());
                out.addAll(f.body());
            }
            case Stmt.Func f -> {
                out.addAll(f.params());
                add(out, f.result(), f.body());
            }
            case Stmt.Class c -> {
                if (c.params() != null) {
                    out.addAll(c.params());
                }
                out.addAll(c.body());
            }
            case Stmt.Include i -> {
                if (i.args() != null) {
                    out.addAll(i.args());
                }
            }
            case Stmt.Panic p -> out.addAll(p.args());
            case Stmt.Collect c -> add(out, c.resource());
            case Stmt.Import ignored -> {
            }
        }
    }

    private static void expressionChildren(Expr e, List<Node> out) {
        switch (e) {
            case Expr.Str s -> out.addAll(s.parts());
            case Expr.ListLit l -> out.addAll(l.elements());
            case Expr.MapLit m -> out.addAll(m.entries());
            case Expr.StructLit s -> out.addAll(s.fields());
            case Expr.Call c -> out.addAll(c.args());
            case Expr.Apply a -> {
                add(out, a.callee());
                out.addAll(a.args());
            }
            case Expr.Lambda l -> {
                out.addAll(l.params());
                add(out, l.result(), l.body());
            }
            case Expr.If i -> add(out, i.condition(), i.then(), i.otherwise());
            case Expr.Binary b -> add(out, b.left(), b.right());
            case Expr.Not n -> add(out, n.operand());
            case Expr.Index i -> add(out, i.target(), i.index(), i.fallback());
            case Expr.FieldAccess f -> add(out, f.target(), f.fallback());
            case Expr.Except x -> add(out, x.value(), x.fallback());
            case Expr.Paren p -> add(out, p.inner());
            case Expr.Bool ignored -> {
            }
            case Expr.Int ignored -> {
            }
            case Expr.Float ignored -> {
            }
            case Expr.Var ignored -> {
            }
        }
    }

    private static void itemChildren(ResourceItem item, List<Node> out) {
        switch (item) {
            case ResourceItem.Field f -> add(out, f.condition(), f.value());
            case ResourceItem.Edge e -> add(out, e.condition(), e.target());
            case ResourceItem.MetaField m -> add(out, m.condition(), m.value());
            case ResourceItem.Meta m -> add(out, m.condition(), m.value());
            case ResourceItem.Unknown u -> add(out, u.condition(), u.value());
        }
    }

    private static void typeChildren(MclType t, List<Node> out) {
        switch (t) {
            case MclType.Scalar ignored -> {
            }
            case MclType.ListOf l -> add(out, l.element());
            case MclType.MapOf m -> add(out, m.key(), m.value());
            case MclType.StructOf s -> out.addAll(s.fields());
            case MclType.FuncOf f -> {
                out.addAll(f.args());
                add(out, f.result());
            }
        }
    }

    private static void add(List<Node> out, Node... nodes) {
        for (Node n : nodes) {
            if (n != null) {
                out.add(n);
            }
        }
    }

    /**
     * The nodes containing {@code offset}, outermost ({@code root}) first. A node contains the offsets
     * from its start up to and including its end, so that a cursor right after a name is on the name;
     * a node that starts at the offset wins over one that ends there.
     */
    public static List<Node> pathAt(Node root, int offset) {
        List<Node> path = new ArrayList<>();
        Node at = root;
        while (at != null) {
            path.add(at);
            Node next = null;
            for (Node child : children(at)) {
                if (child.range().start() <= offset && offset < child.range().end()) {
                    next = child;
                    break;
                }
                if (child.range().end() == offset && child.range().start() <= offset) {
                    next = child; // keep looking: a child starting here is preferred
                }
            }
            at = next;
        }
        return path;
    }

    /** Every node of the tree below {@code root} (itself included), depth first, in source order. */
    public static void walk(Node root, java.util.function.Consumer<Node> visit) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            visit.accept(n);
            List<Node> kids = children(n);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
    }
}
