package rxlsp.mcl.check;

import java.util.Set;

/**
 * What the checked program may define that rx-lsp cannot see: everything (a raw block only Nix can
 * compute), or a few names written in text that does not parse yet. Such names resolve to an opaque
 * definition of unknown type instead of being reported missing, so no false error comes from them.
 *
 * @param everything any name may be defined out of sight
 * @param variables  variable names (without {@code $}) the unseen text may define
 * @param functions  function names it may define
 * @param classes    class names it may define
 * @param packages   import aliases it may define ({@code alias.name} uses resolve to unknown names)
 * @param reason     why (shown on the opaque definition, e.g. in a hover)
 */
public record Unknowns(boolean everything, Set<String> variables, Set<String> functions, Set<String> classes,
                       Set<String> packages, String reason) {
    public static final Unknowns NONE = new Unknowns(false, Set.of(), Set.of(), Set.of(), Set.of(), "");

    public Unknowns {
        variables = Set.copyOf(variables);
        functions = Set.copyOf(functions);
        classes = Set.copyOf(classes);
        packages = Set.copyOf(packages);
    }

    /** Any name may be defined where rx-lsp cannot look. */
    public static Unknowns everything(String reason) {
        return new Unknowns(true, Set.of(), Set.of(), Set.of(), Set.of(), reason);
    }

    public boolean isEmpty() {
        return !everything && variables.isEmpty() && functions.isEmpty() && classes.isEmpty() && packages.isEmpty();
    }

    /** Both at once; the first reason that applies is kept. */
    public Unknowns and(Unknowns other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new Unknowns(everything || other.everything, union(variables, other.variables),
                union(functions, other.functions), union(classes, other.classes),
                union(packages, other.packages), reason);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> out = new java.util.TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
