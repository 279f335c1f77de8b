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
 * Diagnostic codes: the ones later layers act on (quick fixes) as constants, since a code is part of
 * rx-lsp's interface (users filter on it, fixes key on it) and is spelt in one place; and every code
 * rx-lsp reports, with its source, default severity and a one-line description, for the rules of the
 * SARIF output and the codes a configuration file may name, read from {@code diagnostic-codes.tsv}
 * the first time it is needed (plain text output never needs it).
 */
public final class DiagnosticCodes {
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
