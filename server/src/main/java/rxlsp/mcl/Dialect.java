package rxlsp.mcl;

/**
 * The MCL dialects rx-lsp parses. The grammar changed in mgmt 1.1: see the MCL reference, section 1.
 */
public enum Dialect {
    /**
     * mgmt 1.0.x (what rx.nix pins today): newlines are whitespace, every list, map and struct element
     * ends with {@code ,}, {@code ||} is the lookup default, {@code and}/{@code or} share a precedence
     * level and {@code in} binds tightest.
     */
    MGMT_1_0,

    /**
     * mgmt 1.1 and later: newline-terminated statements, single-line or multi-line containers,
     * {@code <|>} as the error fallback (and {@code ||} after a lookup, as in the 1.1.0 release).
     */
    MGMT_1_1;

    /** The value of the generated lexer's and parser's {@code legacy} field for this dialect. */
    boolean legacy() {
        return this == MGMT_1_0;
    }
}
