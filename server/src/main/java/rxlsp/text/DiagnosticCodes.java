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
 * Every diagnostic code rx-lsp reports, with its source, default severity and a one-line
 * description: the rules of the SARIF output and the codes a configuration file may name. Read from
 * {@code diagnostic-codes.tsv} the first time it is needed (plain text output never needs it).
 */
public final class DiagnosticCodes {
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
