package rxlsp.mcl.catalog;

/** How a function gets its type: one fixed signature, or something a type checker must work out per call. */
public enum Poly {
    /** One signature without unification variables. */
    MONO,
    /** A static signature with {@code ?N} variables, possibly restricted by {@link FunctionInfo#constraints()}. */
    UNIFICATION_VARS,
    /** No static signature: mgmt asks the function for invariants at each call site. */
    INFERABLE,
    /** No static signature: mgmt builds the function once the argument types are known. */
    BUILDABLE,
    /** Written in MCL itself; typed by unification like user code. */
    MCL_INFERRED;

    /** The catalogue's spelling ({@code mono}, {@code poly:inferable}, …). */
    static Poly parse(String text) {
        return switch (text) {
            case "mono" -> MONO;
            case "poly:unification-vars" -> UNIFICATION_VARS;
            case "poly:inferable" -> INFERABLE;
            case "poly:buildable" -> BUILDABLE;
            case "poly:mcl-inferred" -> MCL_INFERRED;
            default -> throw new IllegalArgumentException("unknown poly kind: " + text);
        };
    }
}
