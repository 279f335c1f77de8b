package rxlsp.nix;

import java.util.Map;
import java.util.Set;
import rxlsp.text.TextRange;

/**
 * The names visible at a point of a Nix file: a chain of binding constructs, innermost first. Under a
 * {@code with} (or where a cut tree may have lost a binder) every name counts as bound, since
 * Nix only resolves such names at evaluation time; such a scope answers at once. Where the walk
 * records name resolution, a scope also knows where each of its names is defined.
 */
final class Scope {
    /** The file level: only Nix's built-in names ({@link NixBuiltins}). */
    static final Scope FILE = new Scope(null, Set.of(), Map.of(), null, null, false);

    private final Scope parent;
    private final Set<String> names;
    private final Map<String, TextRange> definitions;
    private final String name;
    private final TextRange nameRange;
    private final boolean bindsEverything;

    private Scope(Scope parent, Set<String> names, Map<String, TextRange> definitions, String name, TextRange nameRange,
                  boolean bindsEverything) {
        this.parent = parent;
        this.names = names;
        this.definitions = definitions;
        this.name = name;
        this.nameRange = nameRange;
        this.bindsEverything = bindsEverything;
    }

    /** A scope adding {@code names} (not copied: the set must not change while this scope is used). */
    Scope with(Set<String> added) {
        return with(added, Map.of());
    }

    /** The same, knowing where each name is defined ({@code definitions} may lack some names). */
    Scope with(Set<String> added, Map<String, TextRange> definitions) {
        return bindsEverything || added.isEmpty() ? this : new Scope(this, added, definitions, null, null, false);
    }

    /** A scope adding the single name of {@code x: …}, defined at {@code range} (may be null). */
    Scope with(String added, TextRange range) {
        return bindsEverything ? this : new Scope(this, Set.of(), Map.of(), added, range, false);
    }

    /** A scope in which any name may be bound: inside {@code with e; …}, or where binders were lost. */
    Scope bindingEverything() {
        return bindsEverything ? this : new Scope(this, Set.of(), Map.of(), null, null, true);
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

    /**
     * Where the binding a variable resolves to is written; null for built-ins, names under a
     * {@code with} (only evaluation knows), unknown names and scopes that do not record places.
     */
    TextRange definition(String variable) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.bindsEverything) {
                return null;
            }
            if (variable.equals(s.name)) {
                return s.nameRange;
            }
            if (s.names.contains(variable)) {
                return s.definitions.get(variable);
            }
        }
        return null;
    }
}
