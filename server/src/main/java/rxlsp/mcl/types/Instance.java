package rxlsp.mcl.types;

import java.util.IdentityHashMap;
import java.util.Map;
import rxlsp.mcl.ast.Node;
import rxlsp.text.TextRange;

/**
 * One copy of a body being typed: the file's top level, one {@code include} of a class, one call of a
 * {@code func} (let-polymorphism: each gets fresh types), one lambda. Holds the types of the binds and
 * parameters it owns, and for some of them the expression that gave the type (a lambda, an include
 * argument), where mgmt reports a conflict with a later use.
 */
final class Instance {
    /** The class, func, lambda this is a copy of; {@code null} for the top level. */
    final Node owner;
    final Instance parent;
    final int depth;
    final Map<Node, Type> locals = new IdentityHashMap<>(8);
    final Map<Node, TextRange> origins = new IdentityHashMap<>(4);

    Instance(Node owner, Instance parent) {
        this.owner = owner;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** The nearest instance on the chain that is a copy of {@code owner} ({@code null} owner: the top). */
    Instance find(Node owner) {
        for (Instance i = this; i != null; i = i.parent) {
            if (i.owner == owner) {
                return i;
            }
        }
        return null;
    }
}
