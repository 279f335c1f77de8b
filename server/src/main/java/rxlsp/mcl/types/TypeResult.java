package rxlsp.mcl.types;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.mcl.ast.Expr;
import rxlsp.text.Diagnostic;

/**
 * What type checking found: diagnostics (stage {@code type}) and the inferred type of each expression
 * that was checked, keyed by node identity, with unification variables resolved as far as they were
 * (a remaining {@code ?N} means "not determined"). Expressions in never-included classes or never-called
 * functions have no entry: mgmt does not type them either.
 */
public record TypeResult(List<Diagnostic> diagnostics, Map<Expr, Type> types) {
    public TypeResult {
        diagnostics = List.copyOf(diagnostics);
        types = Collections.unmodifiableMap(new IdentityHashMap<>(types));
    }

    public static TypeResult empty() {
        return new TypeResult(List.of(), Map.of());
    }

    public Optional<Type> typeOf(Expr e) {
        return Optional.ofNullable(types.get(e));
    }
}
