package rxlsp.nix;

import java.util.Set;

/**
 * The names visible at a point of a Nix file: a chain of binding constructs, innermost first. Under a
 * {@code with} (or where a cut tree may have lost a binder) every name counts as bound, since
 * Nix only resolves such names at evaluation time; such a scope answers at once.
 */
final class Scope {
    /** The file level: only Nix's built-in names ({@link NixBuiltins}). */
    static final Scope FILE = new Scope(null, Set.of(), null, false);

    private final Scope parent;
    private final Set<String> names;
    private final String name;
    private final boolean bindsEverything;

    private Scope(Scope parent, Set<String> names, String name, boolean bindsEverything) {
        this.parent = parent;
        this.names = names;
        this.name = name;
        this.bindsEverything = bindsEverything;
    }

    /** A scope adding {@code names} (not copied: the set must not change while this scope is used). */
    Scope with(Set<String> added) {
        return bindsEverything || added.isEmpty() ? this : new Scope(this, added, null, false);
    }

    /** A scope adding the single name of {@code x: …}. */
    Scope with(String added) {
        return bindsEverything ? this : new Scope(this, Set.of(), added, false);
    }

    /** A scope in which any name may be bound: inside {@code with e; …}, or where binders were lost. */
    Scope bindingEverything() {
        return bindsEverything ? this : new Scope(this, Set.of(), null, true);
    }

    boolean resolves(String variable) {
        if (bindsEverything) {
            return true;
        }
        for (Scope s = this; s != null; s = s.parent) {
            if (variable.equals(s.name) || s.names.contains(variable)) {
                return true;
            }
        }
        return NixBuiltins.isGlobal(variable);
    }
}
