package rxlsp.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.Severity;

/**
 * Reads {@code rx-lsp.toml} with tomlj. Anything it does not understand is an error naming the
 * file, the line and the key, never ignored: a misspelt key that silently did nothing would leave
 * a team believing a check is configured when it is not.
 */
public final class ProjectConfigReader {
    static final String MGMT_VERSION = "mgmt-version";
    static final String NIX_VERSION = "nix-version";
    static final String MGMT_DOCS = "mgmt-docs";
    static final String SCOPE = "diagnostics-scope";
    static final String EXCLUDE = "exclude";
    static final String SEVERITY = "severity";
    static final List<String> KEYS = List.of(MGMT_VERSION, NIX_VERSION, MGMT_DOCS, SCOPE, EXCLUDE, SEVERITY);
    /** The values of a {@code [severity]} entry: a severity, or {@code off}. */
    static final String OFF = "off";

    private ProjectConfigReader() {
    }

    public static ProjectConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file, 0, null, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return parse(file, text);
    }

    static ProjectConfig parse(Path file, String text) throws ConfigException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            var e = toml.errors().getFirst();
            throw new ConfigException(file, e.position() == null ? 0 : e.position().line(), null,
                    "not valid TOML: " + e.getMessage());
        }
        for (String key : toml.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException(file, line(toml, key), key, "unknown key; the keys are " + String.join(", ", KEYS));
            }
        }
        Path base = file.toAbsolutePath().normalize().getParent();
        Optional<Dialect> dialect = string(file, toml, MGMT_VERSION).map(v -> Dialect.forMgmtVersion(v).orElse(null));
        if (dialect.isEmpty() && toml.contains(MGMT_VERSION)) {
            throw new ConfigException(file, line(toml, MGMT_VERSION), MGMT_VERSION, Dialect.whyNot(toml.getString(MGMT_VERSION)));
        }
        Optional<NixVersion> nix = string(file, toml, NIX_VERSION).map(v -> NixVersion.forSetting(v).orElse(null));
        if (nix.isEmpty() && toml.contains(NIX_VERSION)) {
            throw new ConfigException(file, line(toml, NIX_VERSION), NIX_VERSION,
                    "`" + toml.getString(NIX_VERSION) + "` is not a Nix version rx-lsp knows: expected " + NixVersion.EXPECTED);
        }
        Optional<Path> docs = string(file, toml, MGMT_DOCS).map(v -> resolve(file, toml, base, v));
        if (docs.isPresent() && docs.get() == null) {
            throw new ConfigException(file, line(toml, MGMT_DOCS), MGMT_DOCS, "not a path");
        }
        Optional<String> scopeName = string(file, toml, SCOPE);
        DiagnosticsScope scope = scopeName.isEmpty() ? DiagnosticsScope.ALL : DiagnosticsScope.parse(scopeName.get()).orElse(null);
        if (scope == null) {
            throw new ConfigException(file, line(toml, SCOPE), SCOPE, "`" + scopeName.get() + "` is not a scope: expected all or embedded");
        }
        return new ProjectConfig(Optional.of(file), dialect, nix, docs,
                new DiagnosticPolicy(scope, severities(file, toml)), new PathExcludes(base, excludes(file, toml)));
    }

    private static Path resolve(Path file, TomlTable toml, Path base, String value) {
        try {
            return base.resolve(value).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Optional<String> string(Path file, TomlTable toml, String key) throws ConfigException {
        if (!toml.contains(key)) {
            return Optional.empty();
        }
        if (!toml.isString(key)) {
            throw new ConfigException(file, line(toml, key), key, "must be a string (in quotes)");
        }
        return Optional.of(toml.getString(key));
    }

    private static List<String> excludes(Path file, TomlTable toml) throws ConfigException {
        if (!toml.contains(EXCLUDE)) {
            return List.of();
        }
        TomlArray array = toml.isArray(EXCLUDE) ? toml.getArray(EXCLUDE) : null;
        if (array == null || java.util.stream.IntStream.range(0, array.size()).anyMatch(i -> !(array.get(i) instanceof String))) {
            throw new ConfigException(file, line(toml, EXCLUDE), EXCLUDE, "must be a list of glob patterns in quotes, e.g. [\"vendor/**\"]");
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String pattern = array.getString(i);
            try {
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, array.inputPositionOf(i).line(), EXCLUDE, "`" + pattern + "` is not a glob pattern: " + e.getMessage());
            }
            patterns.add(pattern);
        }
        return patterns;
    }

    private static Map<String, Optional<Severity>> severities(Path file, TomlTable toml) throws ConfigException {
        if (!toml.contains(SEVERITY)) {
            return Map.of();
        }
        if (!toml.isTable(SEVERITY)) {
            throw new ConfigException(file, line(toml, SEVERITY), SEVERITY,
                    "must be a table of diagnostic codes, e.g. [severity] followed by rx-map-value = \"error\"");
        }
        TomlTable table = toml.getTable(SEVERITY);
        Map<String, Optional<Severity>> out = new LinkedHashMap<>();
        Set<String> codes = table.keySet();
        for (String code : codes) {
            String key = SEVERITY + "." + code;
            int line = table.inputPositionOf(List.of(code)).line();
            if (DiagnosticCodes.find(code).isEmpty()) {
                throw new ConfigException(file, line, key, "unknown diagnostic code (the codes are listed in the README, section Diagnostics)");
            }
            Object value = table.get(List.of(code));
            String name = value instanceof String s ? s.toLowerCase(Locale.ROOT) : "";
            if (name.equals(OFF)) {
                out.put(code, Optional.empty());
                continue;
            }
            Optional<Severity> severity = java.util.Arrays.stream(Severity.values()).filter(s -> s.label().equals(name)).findFirst();
            if (severity.isEmpty()) {
                throw new ConfigException(file, line, key, "expected \"error\", \"warning\", \"information\", \"hint\" or \"off\"");
            }
            out.put(code, severity);
        }
        return out;
    }

    private static int line(TomlTable toml, String key) {
        TomlPosition p = toml.inputPositionOf(List.of(key));
        return p == null ? 0 : p.line();
    }
}
