package rxlsp.mcl.catalog;

import java.util.List;

/**
 * A function mgmt registers.
 *
 * @param pkg         import path of its package ({@code golang/strings}); empty for built-ins and operators
 * @param name        name inside the package; the operator symbol for operators
 * @param qualified   the registered name: {@code pkg.name}, bare for built-ins, {@code _operator(+)} for operators.
 *                    MCL code calls {@code strings.to_lower} after {@code import "golang/strings"}: mapping the
 *                    import alias to {@code pkg} is the scope checker's job
 * @param signature   MCL type text, may contain {@code ?1}; null when the type is computed per call
 * @param constraints allowed instantiations of a polymorphic signature; {@code custom-check} kept as is
 * @param sigHint     an informal signature shape for functions without a static one; nullable
 * @param internal    not callable by name from MCL (names starting with {@code _}, operators)
 * @param arity       for a function without a static signature (mgmt builds it per call): how many arguments
 *                    mgmt accepts; null when the signature states it, or when unknown (a docs-only function)
 */
public record FunctionInfo(String pkg, String name, String qualified, String signature, Poly poly,
                           List<String> constraints, String sigHint, boolean internal, String description, Arity arity) {
    public FunctionInfo {
        constraints = List.copyOf(constraints);
        description = description == null ? "" : description;
    }
}
