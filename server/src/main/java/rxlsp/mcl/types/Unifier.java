package rxlsp.mcl.types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unification as mgmt's fast solver does it: one substitution from variables to types, structural
 * equality for everything else, an occurs check (mgmt's "directly in the same set"). {@code variant}
 * unifies with anything: mgmt gives variant fields a fresh variable, and a checker must not be
 * stricter than mgmt. One instance per analysis; not thread-safe.
 */
public final class Unifier {
    /** Types nest this deep at most; deeper ones are treated as unknown rather than overflow the stack. */
    private static final int MAX_DEPTH = 200;

    private final Map<Integer, Type> bindings = new HashMap<>();
    /** Variables in the order they were bound, so that {@link #tryUnify} can undo a failed attempt. */
    private final List<Integer> trail = new ArrayList<>();
    private final Map<String, Type> closed = new HashMap<>();
    private int next;

    public Type.Var fresh() {
        return new Type.Var(++next);
    }

    /** Parses signature text with each {@code ?N} mapped to a fresh variable of this unifier. */
    public Type instantiate(String signature) {
        if (signature != null && signature.indexOf('?') < 0) {
            // no variables: the same type serves every use (resource fields are looked up per include)
            return closed.computeIfAbsent(signature, TypeText::parse);
        }
        Map<Integer, Type> vars = new HashMap<>();
        return TypeText.parse(signature, n -> vars.computeIfAbsent(n, k -> fresh()));
    }

    /** Follows variable bindings at the top level only. */
    public Type shallow(Type t) {
        while (t instanceof Type.Var v) {
            Type b = bindings.get(v.id());
            if (b == null) {
                return v;
            }
            t = b;
        }
        return t;
    }

    /** The type with every bound variable replaced, for messages and results. */
    public Type resolve(Type t) {
        return resolve(t, 0);
    }

    private Type resolve(Type t, int depth) {
        t = shallow(t);
        if (depth > MAX_DEPTH) {
            return t;
        }
        return switch (t) {
            case Type.ListOf l -> new Type.ListOf(resolve(l.element(), depth + 1));
            case Type.MapOf m -> new Type.MapOf(resolve(m.key(), depth + 1), resolve(m.value(), depth + 1));
            case Type.StructOf s -> {
                Map<String, Type> f = new LinkedHashMap<>();
                s.fields().forEach((k, v) -> f.put(k, resolve(v, depth + 1)));
                yield new Type.StructOf(f);
            }
            case Type.FuncOf f -> new Type.FuncOf(f.names(),
                    f.args().stream().map(a -> resolve(a, depth + 1)).toList(), resolve(f.result(), depth + 1));
            default -> t;
        };
    }

    /** True when no unification variable is left in the resolved type. */
    public boolean isKnown(Type t) {
        return !containsVar(t, v -> true);
    }

    /**
     * True when a variable matching {@code wanted} occurs in the resolved type. Iterative, with a budget:
     * a type too large to scan counts as containing one (unknown is the safe answer for both callers).
     */
    private boolean containsVar(Type t, java.util.function.Predicate<Type.Var> wanted) {
        Deque<Type> todo = new ArrayDeque<>();
        todo.push(t);
        int budget = 100_000;
        while (!todo.isEmpty()) {
            if (budget-- <= 0) {
                return true;
            }
            Type x = shallow(todo.pop());
            switch (x) {
                case Type.Var v -> {
                    if (wanted.test(v)) {
                        return true;
                    }
                }
                case Type.ListOf l -> todo.push(l.element());
                case Type.MapOf m -> {
                    todo.push(m.key());
                    todo.push(m.value());
                }
                case Type.StructOf s -> s.fields().values().forEach(todo::push);
                case Type.FuncOf f -> {
                    f.args().forEach(todo::push);
                    todo.push(f.result());
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * Unifies; on failure returns the mismatch and leaves any bindings made so far (as mgmt's solver
     * does: a failed unification ends the stage, so partial bindings only make later messages vaguer).
     */
    public Mismatch unify(Type expected, Type found) {
        String detail = unify(expected, found, 0);
        if (detail == null) {
            return null;
        }
        return new Mismatch(resolve(expected), resolve(found), detail);
    }

    /** Unifies only when it would succeed; nothing is bound otherwise. */
    public boolean tryUnify(Type a, Type b) {
        int mark = trail.size();
        if (unify(a, b, 0) == null) {
            return true;
        }
        while (trail.size() > mark) {
            bindings.remove(trail.removeLast());
        }
        return false;
    }

    /** True when the types would unify; binds nothing either way. */
    public boolean matches(Type a, Type b) {
        int mark = trail.size();
        boolean ok = unify(a, b, 0) == null;
        while (trail.size() > mark) {
            bindings.remove(trail.removeLast());
        }
        return ok;
    }

    /** @return null when unified, else the innermost conflict as text */
    private String unify(Type a, Type b, int depth) {
        a = shallow(a);
        b = shallow(b);
        if (a == b) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return null; // too deep to judge: accept rather than report something doubtful
        }
        if (a instanceof Type.Var va) {
            return bind(va, b);
        }
        if (b instanceof Type.Var vb) {
            return bind(vb, a);
        }
        if (a instanceof Type.Variant || b instanceof Type.Variant) {
            return null;
        }
        switch (a) {
            case Type.Prim p -> {
                return p == b ? null : kinds(a, b);
            }
            case Type.ListOf l -> {
                return b instanceof Type.ListOf m ? unify(l.element(), m.element(), depth + 1) : kinds(a, b);
            }
            case Type.MapOf m -> {
                if (!(b instanceof Type.MapOf n)) {
                    return kinds(a, b);
                }
                String k = unify(m.key(), n.key(), depth + 1);
                return k != null ? k : unify(m.value(), n.value(), depth + 1);
            }
            case Type.StructOf s -> {
                if (!(b instanceof Type.StructOf t)) {
                    return kinds(a, b);
                }
                if (s.fields().size() != t.fields().size()) {
                    return "struct field count differs";
                }
                List<String> as = new ArrayList<>(s.fields().keySet());
                List<String> bs = new ArrayList<>(t.fields().keySet());
                for (int i = 0; i < as.size(); i++) {
                    if (!as.get(i).equals(bs.get(i))) {
                        return "struct fields differ: " + as.get(i) + " vs " + bs.get(i);
                    }
                    String d = unify(s.fields().get(as.get(i)), t.fields().get(bs.get(i)), depth + 1);
                    if (d != null) {
                        return d;
                    }
                }
                return null;
            }
            case Type.FuncOf f -> {
                if (!(b instanceof Type.FuncOf g)) {
                    return kinds(a, b);
                }
                if (f.args().size() != g.args().size()) {
                    return "func arg count differs: " + f.args().size() + " vs " + g.args().size();
                }
                for (int i = 0; i < f.args().size(); i++) {
                    String d = unify(f.args().get(i), g.args().get(i), depth + 1);
                    if (d != null) {
                        return d;
                    }
                }
                return unify(f.result(), g.result(), depth + 1);
            }
            default -> {
                return kinds(a, b);
            }
        }
    }

    private String kinds(Type a, Type b) {
        return a.kind() + " != " + b.kind();
    }

    private String bind(Type.Var v, Type t) {
        if (t instanceof Type.Var w && w.id() == v.id()) {
            return null;
        }
        if (occurs(v, t)) {
            return "directly in the same set: " + v + " occurs in " + resolve(t);
        }
        bindings.put(v.id(), t);
        trail.add(v.id());
        return null;
    }

    private boolean occurs(Type.Var v, Type t) {
        Type s = shallow(t);
        if (s instanceof Type.Prim || s instanceof Type.Variant) {
            return false; // the common case, without the walk
        }
        return containsVar(s, w -> w.id() == v.id());
    }
}
