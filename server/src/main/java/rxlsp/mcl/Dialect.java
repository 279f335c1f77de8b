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
     * The mgmt versions rx-lsp accepts, as users write them, and the rule for others. Only releases
     * whose grammar and functions rx-lsp was checked against are accepted: 1.0.x and 1.1.0 (and
     * builds after 1.1.0 up to the revision the built-in catalogue describes, which {@code git
     * describe} names {@code 1.1.0-N}). A later release may change the grammar, so it is refused
     * rather than guessed: check with {@code 1.1}, the newest grammar rx-lsp knows, and give that
     * release's functions with {@code --mgmt-docs}.
     */
    public static final String ACCEPTED_VERSIONS = "1.0 (also 1.0.0, 1.0.1, 1.0.2) or 1.1 (also 1.1.0 and builds after it, 1.1.0-N)";

    /** Why {@code version} is not accepted, in words for the user; see {@link #ACCEPTED_VERSIONS}. */
    public static String whyNot(String version) {
        String v = version == null ? "" : version.strip();
        if (v.matches("(1\\.(1\\.[1-9][0-9]*|[2-9][0-9]*|[1-9][0-9]+)|[2-9][0-9]*)(\\..*)?")) {
            return "mgmt " + v + " is newer than the releases rx-lsp knows; its grammar may differ. Use 1.1 (the newest"
                    + " grammar rx-lsp knows) and give that release's functions with --mgmt-docs (mgmt docs generate)";
        }
        return "`" + v + "` is not an mgmt version rx-lsp knows: expected " + ACCEPTED_VERSIONS;
    }

    /** The dialect of an mgmt version as users write it; empty unless it is one of {@link #ACCEPTED_VERSIONS}. */
    public static java.util.Optional<Dialect> forMgmtVersion(String version) {
        String v = version == null ? "" : version.strip();
        if (v.matches("1\\.0(\\.[0-2])?")) {
            return java.util.Optional.of(MGMT_1_0);
        }
        if (v.matches("1\\.1(\\.0(-[0-9]+(-g[0-9a-f]+)?)?)?")) {
            return java.util.Optional.of(MGMT_1_1);
        }
        return java.util.Optional.empty();
    }

    /** The value of the generated lexer's and parser's {@code legacy} field for this dialect. */
    boolean legacy() {
        return this == MGMT_1_0;
    }
}
