package rxlsp.mcl.types;

/**
 * Why two types do not unify. {@code expected} and {@code found} are the outermost types that were
 * compared (fully resolved); {@code detail} names the innermost conflict when it differs from them.
 */
public record Mismatch(Type expected, Type found, String detail) {

    /** {@code expected str, found int}, plus the inner conflict when the outer types are composite. */
    public String describe() {
        String outer = "expected " + expected + ", found " + found;
        boolean redundant = detail == null || detail.isEmpty() || detail.equals(expected.kind() + " != " + found.kind());
        return redundant ? outer : outer + " (" + detail + ")";
    }
}
