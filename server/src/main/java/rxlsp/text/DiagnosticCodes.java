package rxlsp.text;

/**
 * The diagnostic codes later layers act on (quick fixes), as constants: a code is part of rx-lsp's
 * interface (users filter on it, fixes key on it), so it is spelt in one place.
 */
public final class DiagnosticCodes {
    private DiagnosticCodes() {
    }

    public static final String MCL_UNDEFINED_VARIABLE = "mcl-undefined-variable";
    public static final String MCL_UNDEFINED_FUNCTION = "mcl-undefined-function";
    public static final String MCL_UNDEFINED_CLASS = "mcl-undefined-class";
    public static final String MCL_UNKNOWN_RESOURCE_KIND = "mcl-unknown-resource-kind";
    public static final String MCL_UNKNOWN_PARAM = "mcl-unknown-param";
    public static final String MCL_UNKNOWN_META = "mcl-unknown-meta";
    public static final String MCL_UNKNOWN_PACKAGE = "mcl-unknown-package";
    public static final String MCL_MISSING_COMMA = "mcl-missing-comma";
    public static final String MCL_TRAILING_COMMA = "mcl-trailing-comma";
    public static final String MCL_DUPLICATE_IMPORT = "mcl-duplicate-import";
    public static final String MCL_CRLF = "mcl-crlf";
    public static final String MCL_ADDITIONAL_EQUALS = "mcl-additional-equals";
    public static final String RX_UNKNOWN_KIND = "rx-unknown-kind";
    public static final String RX_UNKNOWN_FIELD = "rx-unknown-field";
    public static final String RX_INVALID_VAR_NAME = "rx-invalid-var-name";
    public static final String RX_DUPLICATE_IMPORT = "rx-duplicate-import";
    public static final String RX_COLON_KIND = "rx-colon-kind";
    public static final String RX_EXPONENT_NUMBER = "rx-exponent-number";
    public static final String NIX_UNDEFINED_VARIABLE = "nix-undefined-variable";
}
