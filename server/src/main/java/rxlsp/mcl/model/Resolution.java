package rxlsp.mcl.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Program;

/**
 * The outcome of name resolution: for every use ({@code Expr.Var}, {@code Expr.Call},
 * {@code Stmt.Include}, {@code StringPart.Interpolation}) what it refers to, keyed by node identity
 * (AST records with equal content at equal offsets in two files must stay apart). Uses that did not
 * resolve are absent. {@code modules} holds the parsed local imports by file name, for features that
 * jump into them.
 */
public record Resolution(Map<Node, Definition> uses, Map<String, Program> modules) {
    public Resolution {
        uses = Collections.unmodifiableMap(new IdentityHashMap<>(uses));
        modules = Map.copyOf(modules);
    }

    public static Resolution empty() {
        return new Resolution(Map.of(), Map.of());
    }

    public Optional<Definition> of(Node use) {
        return Optional.ofNullable(uses.get(use));
    }
}
