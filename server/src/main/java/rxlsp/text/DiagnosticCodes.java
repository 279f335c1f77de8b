package rxlsp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnostic codes: every code rx-lsp reports, as a constant spelt only here, since a code is part of rx-lsp's
 * interface (users filter and suppress by it, quick fixes key on it); and, for each, its source, default
 * severity and a one-line description, for the rules of the SARIF output and the codes a configuration file
 * may name, read from {@code diagnostic-codes.tsv} the first time it is needed (plain text output never needs
 * it). DiagnosticCodesTest keeps the constants and the table the same set.
 */
public final class DiagnosticCodes {
    public static final String BINARY_FILE = "binary-file";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String NIX_BOM = "nix-bom";
    public static final String NIX_DUPLICATE_ATTRIBUTE = "nix-duplicate-attribute";
    public static final String NIX_DUPLICATE_FORMAL = "nix-duplicate-formal";
    public static final String NIX_DYNAMIC_INHERIT = "nix-dynamic-inherit";
    public static final String NIX_DYNAMIC_LET = "nix-dynamic-let";
    public static final String NIX_EMPTY_FILE = "nix-empty-file";
    public static final String NIX_KEYWORD_AS_NAME = "nix-keyword-as-name";
    public static final String NIX_MISSING_MODULE = "nix-missing-module";
    public static final String NIX_MISSING_TOKEN = "nix-missing-token";
    public static final String NIX_SYNTAX_ERROR = "nix-syntax-error";
    public static final String NIX_TOO_DEEP = "nix-too-deep";
    public static final String NIX_UNCLOSED_DELIMITER = "nix-unclosed-delimiter";
    public static final String NIX_UNDEFINED_VARIABLE = "nix-undefined-variable";
    public static final String NIX_UNEXPECTED_TOKEN = "nix-unexpected-token";
    public static final String NIX_UNTERMINATED_STRING = "nix-unterminated-string";
    public static final String MCL_ABSOLUTE_IMPORT = "mcl-absolute-import";
    public static final String MCL_ADDITIONAL_EQUALS = "mcl-additional-equals";
    public static final String MCL_ARG_COUNT = "mcl-arg-count";
    public static final String MCL_BAD_INTERPOLATION = "mcl-bad-interpolation";
    public static final String MCL_BAD_TYPE_ANNOTATION = "mcl-bad-type-annotation";
    public static final String MCL_CANNOT_RECEIVE = "mcl-cannot-receive";
    public static final String MCL_CANNOT_SEND = "mcl-cannot-send";
    public static final String MCL_CHAINED_COMPARISON = "mcl-chained-comparison";
    public static final String MCL_CRLF = "mcl-crlf";
    public static final String MCL_DUPLICATE_CLASS = "mcl-duplicate-class";
    public static final String MCL_DUPLICATE_DEFINITION = "mcl-duplicate-definition";
    public static final String MCL_DUPLICATE_FIELD = "mcl-duplicate-field";
    public static final String MCL_DUPLICATE_IMPORT = "mcl-duplicate-import";
    public static final String MCL_DUPLICATE_IMPORT_ALIAS = "mcl-duplicate-import-alias";
    public static final String MCL_DUPLICATE_MAP_KEY = "mcl-duplicate-map-key";
    public static final String MCL_DUPLICATE_META = "mcl-duplicate-meta";
    public static final String MCL_DUPLICATE_STRUCT_FIELD = "mcl-duplicate-struct-field";
    public static final String MCL_EDGE_ONE_HALF = "mcl-edge-one-half";
    public static final String MCL_FLOAT_OVERFLOW = "mcl-float-overflow";
    public static final String MCL_IMPORT_FAILED = "mcl-import-failed";
    public static final String MCL_IMPORT_IN_LOOP = "mcl-import-in-loop";
    public static final String MCL_INCLUDE_ARITY = "mcl-include-arity";
    public static final String MCL_INCONSISTENT_MAP_KEY = "mcl-inconsistent-map-key";
    public static final String MCL_INTEGER_OVERFLOW = "mcl-integer-overflow";
    public static final String MCL_MISSING_COMMA = "mcl-missing-comma";
    public static final String MCL_MISSING_FIELD = "mcl-missing-field";
    public static final String MCL_MISSING_VALUE = "mcl-missing-value";
    public static final String MCL_MODULE_UNUSED_STATEMENT = "mcl-module-unused-statement";
    public static final String MCL_NOT_INDEXABLE = "mcl-not-indexable";
    public static final String MCL_NOT_STRUCT = "mcl-not-struct";
    public static final String MCL_OPERATOR_TYPE = "mcl-operator-type";
    public static final String MCL_PRINTF = "mcl-printf";
    public static final String MCL_RECURSIVE_IMPORT = "mcl-recursive-import";
    public static final String MCL_RECURSIVE_REFERENCE = "mcl-recursive-reference";
    public static final String MCL_SEND_RECV_TYPE_MISMATCH = "mcl-send-recv-type-mismatch";
    public static final String MCL_SYNTAX_ERROR = "mcl-syntax-error";
    public static final String MCL_TOO_DEEP = "mcl-too-deep";
    public static final String MCL_TRAILING_COMMA = "mcl-trailing-comma";
    public static final String MCL_TYPE_MISMATCH = "mcl-type-mismatch";
    public static final String MCL_UNDEFINED_CLASS = "mcl-undefined-class";
    public static final String MCL_UNDEFINED_FUNCTION = "mcl-undefined-function";
    public static final String MCL_UNDEFINED_VARIABLE = "mcl-undefined-variable";
    public static final String MCL_UNDERSCORE_KIND = "mcl-underscore-kind";
    public static final String MCL_UNEXPECTED_EOF = "mcl-unexpected-eof";
    public static final String MCL_UNEXPECTED_TOKEN = "mcl-unexpected-token";
    public static final String MCL_UNHASHABLE_KEY = "mcl-unhashable-key";
    public static final String MCL_UNHASHABLE_MAP_KEY = "mcl-unhashable-map-key";
    public static final String MCL_UNKNOWN_ESCAPE = "mcl-unknown-escape";
    public static final String MCL_UNKNOWN_FIELD_SYNTAX = "mcl-unknown-field-syntax";
    public static final String MCL_UNKNOWN_META = "mcl-unknown-meta";
    public static final String MCL_UNKNOWN_PACKAGE = "mcl-unknown-package";
    public static final String MCL_UNKNOWN_PARAM = "mcl-unknown-param";
    public static final String MCL_UNKNOWN_RESOURCE_KIND = "mcl-unknown-resource-kind";
    public static final String MCL_UNKNOWN_SEND_FIELD = "mcl-unknown-send-field";
    public static final String MCL_UNRECOGNIZED_CHARACTER = "mcl-unrecognized-character";
    public static final String MCL_UNTERMINATED_STRING = "mcl-unterminated-string";
    public static final String RX_COLON_KIND = "rx-colon-kind";
    public static final String RX_CONFLICTING_DEFINITIONS = "rx-conflicting-definitions";
    public static final String RX_DUPLICATE_IMPORT = "rx-duplicate-import";
    public static final String RX_EXPONENT_NUMBER = "rx-exponent-number";
    public static final String RX_FIELD_TYPE = "rx-field-type";
    public static final String RX_GO_ESCAPE = "rx-go-escape";
    public static final String RX_INVALID_VAR_NAME = "rx-invalid-var-name";
    public static final String RX_MAP_VALUE = "rx-map-value";
    public static final String RX_MISSING_FILE = "rx-missing-file";
    public static final String RX_NOT_READ = "rx-not-read";
    public static final String RX_RES_INTERPOLATION = "rx-res-interpolation";
    public static final String RX_UNKNOWN_FIELD = "rx-unknown-field";
    public static final String RX_UNKNOWN_KIND = "rx-unknown-kind";
    public static final String NIX_CHAINED_COMPARISON = "nix-chained-comparison";
    public static final String NIX_FLOAT_OUT_OF_RANGE = "nix-float-out-of-range";
    public static final String NIX_INTEGER_OUT_OF_RANGE = "nix-integer-out-of-range";
    public static final String NIX_INVALID_PATH = "nix-invalid-path";
    public static final String NIX_PATH_TRAILING_SLASH = "nix-path-trailing-slash";
    public static final String NIX_IMPORT_CYCLE = "nix-import-cycle";
    public static final String RX_FLOAT_PRECISION = "rx-float-precision";
    public static final String RX_UNDISCHARGED_WRAPPER = "rx-undischarged-wrapper";
    public static final String RX_UNKNOWN_OPTION = "rx-unknown-option";

    /** One code. */
    public record Code(String code, String source, Severity defaultSeverity, String description) {
    }

    private DiagnosticCodes() {
    }

    public static Collection<Code> all() {
        return Table.CODES.values();
    }

    public static Optional<Code> find(String code) {
        return Optional.ofNullable(Table.CODES.get(code));
    }

    /** Holder: loaded on first use. */
    private static final class Table {
        static final Map<String, Code> CODES = load();

        private static Map<String, Code> load() {
            Map<String, Code> codes = new LinkedHashMap<>();
            try (InputStream in = DiagnosticCodes.class.getResourceAsStream("diagnostic-codes.tsv");
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t", 4);
                    codes.put(f[0], new Code(f[0], f[1], Severity.valueOf(f[2].toUpperCase(java.util.Locale.ROOT)), f[3]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return java.util.Collections.unmodifiableMap(codes);
        }
    }
}
