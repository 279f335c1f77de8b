package rxlsp.mcl.check;

import rxlsp.mcl.model.Definition;
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
    /** By {@link Space} ordinal; a map is created on the first definition (most frames define one or two names). */
    @SuppressWarnings("unchecked")
    private final Map<String, Definition>[] names = new Map[Space.values().length];
    /**
     * Set by an {@code import … as *} whose names cannot be listed, or on the global frame of a program
     * with parts rx-lsp cannot see: a missing name may come from there.
     */
    boolean squashedOpaque;
    /** Why a name missing here is accepted (shown on the {@link Definition.Opaque} it resolves to). */
    String opaqueReason = "from an `as *` import rx-lsp cannot list";
    /** Set by a system package's {@code import … as *}: its embedded-MCL classes are not listed anywhere. */
    boolean squashedClasses;
    /** True for a class body that adopted {@code class a:b} sugar classes: they register by their last name. */
    boolean adoptedHere;
    /** The top-level statement of this prog being walked: the source of dependency edges. */
    Stmt current;
    final List<Edge> edges = new ArrayList<>();
    /** Definition name to the statement of this prog that defines it. */
    final Map<Definition, Stmt> definingStmt = new java.util.IdentityHashMap<>(8);

    record Edge(Stmt from, Stmt to, TextRange at) {
    }

    ScopeFrame(ScopeFrame parent, String file, boolean prog) {
        this.parent = parent;
        this.file = file;
        this.prog = prog;
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

    /** Like {@link #mayHideNames()}, for class names, which system packages can hide too. */
    boolean mayHideClasses() {
        for (ScopeFrame f = this; f != null; f = f.parent) {
            if (f.squashedOpaque || f.squashedClasses) {
                return true;
            }
        }
        return false;
    }

    Definition own(Space space, String name) {
        Map<String, Definition> m = names[space.ordinal()];
        return m == null ? null : m.get(name);
    }

    Map<String, Definition> all(Space space) {
        Map<String, Definition> m = names[space.ordinal()];
        return m == null ? Map.of() : m;
    }

    /** Adds unless the name is taken here; returns the earlier definition when it is. */
    Definition define(Space space, String name, Definition d, Stmt stmt) {
        Map<String, Definition> m = names[space.ordinal()];
        if (m == null) {
            m = new LinkedHashMap<>();
            names[space.ordinal()] = m;
        }
        Definition old = m.putIfAbsent(name, d);
        if (old == null && stmt != null) {
            definingStmt.put(d, stmt);
        }
        return old;
    }
}
