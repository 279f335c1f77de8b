package rxlsp.embed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rx.res} options rx.nix generates: per kind (its Nix name, e.g. {@code docker-container})
 * the mgmt kind it stands for and each field's Nix type ({@code str}, {@code bool}, {@code int},
 * {@code float}, {@code listOf str}, {@code attrsOf str}; every field may also be {@code null}).
 */
public final class ResSchema {
    /** One kind: the mgmt name and field name to Nix type. */
    public record Kind(String nixName, String mgmtName, Map<String, String> fields) {
    }

    private final Map<String, Kind> kinds;

    private ResSchema(Map<String, Kind> kinds) {
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    public static ResSchema builtIn() {
        return Holder.SCHEMA;
    }

    /** Loaded once: the schema is immutable data shipped in the jar. */
    private static final class Holder {
        static final ResSchema SCHEMA = load();
    }

    private static ResSchema load() {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        Map<String, String> mgmt = new LinkedHashMap<>();
        try (var in = ResSchema.class.getResourceAsStream("rx-res-schema.tsv");
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] cols = line.split("\t");
                mgmt.put(cols[0], cols[1]);
                fields.computeIfAbsent(cols[0], k -> new LinkedHashMap<>()).put(cols[2], cols[3]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        fields.forEach((k, f) -> kinds.put(k, new Kind(k, mgmt.get(k), Collections.unmodifiableMap(f))));
        return new ResSchema(kinds);
    }

    public Optional<Kind> kind(String nixName) {
        return Optional.ofNullable(kinds.get(nixName));
    }

    public Map<String, Kind> kinds() {
        return kinds;
    }
}
