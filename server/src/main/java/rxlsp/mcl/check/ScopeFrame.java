package rxlsp.mcl.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.TextRange;

/**
 * One scope while resolving: a {@code prog} (file, class body, if/for body) or the parameters of a
 * function, lambda, class or loop. Mutable only during {@link ScopeChecks}' walk; never escapes it.
 * Also collects the dependency edges between the statements of its prog, for the cycle check.
 */
final class ScopeFrame {
    enum Space { VAR, FUNC, CLASS, SCOPED }

    final ScopeFrame parent;
    /** The file the frame's statements are in ({@code null}: the checked file). */
    final String file;
    /** True for the frame of a prog (statements), false for a parameter frame. */
    final boolean prog;
    private final Map<Space, Map<String, Definition>> names = new java.util.EnumMap<>(Space.class);
    /** Set by an {@code import … as *} whose names cannot be listed: a missing name may come from it. */
    boolean squashedOpaque;
    /** True for a class body that adopted {@code class a:b} sugar classes: they register by their last name. */
    boolean adoptedHere;
    /** The top-level statement of this prog being walked: the source of dependency edges. */
    Stmt current;
    final List<Edge> edges = new ArrayList<>();
    /** Definition name to the statement of this prog that defines it. */
    final Map<Definition, Stmt> definingStmt = new java.util.IdentityHashMap<>();

    record Edge(Stmt from, Stmt to, TextRange at) {
    }

    ScopeFrame(ScopeFrame parent, String file, boolean prog) {
        this.parent = parent;
        this.file = file;
        this.prog = prog;
        for (Space s : Space.values()) {
            names.put(s, new LinkedHashMap<>());
        }
    }

    /** True when a name missing here may still exist, hidden in an unlistable {@code as *} import. */
    boolean mayHideNames() {
        for (ScopeFrame f = this; f != null; f = f.parent) {
            if (f.squashedOpaque) {
                return true;
            }
        }
        return false;
    }

    Definition own(Space space, String name) {
        return names.get(space).get(name);
    }

    Map<String, Definition> all(Space space) {
        return names.get(space);
    }

    /** Adds unless the name is taken here; returns the earlier definition when it is. */
    Definition define(Space space, String name, Definition d, Stmt stmt) {
        Definition old = names.get(space).putIfAbsent(name, d);
        if (old == null && stmt != null) {
            definingStmt.put(d, stmt);
        }
        return old;
    }
}
