package rxlsp.mcl.types;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import rxlsp.mcl.ast.Expr;
import rxlsp.text.Diagnostic;

/**
 * What type checking found: diagnostics (stage {@code type}) and the type inferred for each expression
 * that was typed, keyed by node identity. {@link #typeOf} resolves unification variables as far as
 * they were solved (a remaining {@code ?N} means "not determined"); resolving is deferred to the query
 * because editors ask for few of the thousands of types a check infers.
 *
 * @param inferred types as inferred, possibly holding solved variables
 * @param solution replaces solved variables; never changes once the check is over
 */
public record TypeResult(List<Diagnostic> diagnostics, Map<Expr, Type> inferred, UnaryOperator<Type> solution) {
    public TypeResult {
        diagnostics = List.copyOf(diagnostics);
        inferred = Collections.unmodifiableMap(new IdentityHashMap<>(inferred));
    }

    public static TypeResult empty() {
        return new TypeResult(List.of(), Map.of(), UnaryOperator.identity());
    }

    public Optional<Type> typeOf(Expr e) {
        Type t = inferred.get(e);
        return t == null ? Optional.empty() : Optional.of(solution.apply(t));
    }
}
