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

    /**
     * The dialect of an mgmt version as users write it: {@code 1.0} (also {@code 1.0.2}, …) or
     * {@code 1.1} (also {@code 1.1.0}, later versions and {@code latest}).
     */
    public static java.util.Optional<Dialect> forMgmtVersion(String version) {
        String v = version == null ? "" : version.strip();
        if (v.equals("1.0") || v.startsWith("1.0.")) {
            return java.util.Optional.of(MGMT_1_0);
        }
        if (v.equals("latest") || v.matches("1\\.(1|[2-9]|[1-9][0-9]+)(\\..*)?") || v.matches("[2-9](\\..*)?")) {
            return java.util.Optional.of(MGMT_1_1);
        }
        return java.util.Optional.empty();
    }

    /** The value of the generated lexer's and parser's {@code legacy} field for this dialect. */
    boolean legacy() {
        return this == MGMT_1_0;
    }
}
