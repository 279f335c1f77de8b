package rxlsp.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import rxlsp.analysis.CheckedFile;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.LineColumn;
import rxlsp.text.LineIndex;
import rxlsp.text.PositionEncoding;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * SARIF 2.1.0, for code scanning: one run whose tool lists every diagnostic code as a rule, and one
 * result per diagnostic. Regions are 1-based with columns in UTF-16 code units, which the run
 * declares ({@code columnKind: utf16CodeUnits}). Relative paths are given against
 * {@code %SRCROOT%}, the working directory. Each result has a fingerprint built from its code, its
 * file, the text of its line and how many results with the same code and line text come before it
 * in the file, not from line numbers: code scanning then follows an alert when lines above it move.
 */
final class SarifFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT = "rxLspLineHash/v1";

    private SarifFormat() {
    }

    static void print(CheckReport report, PrintStream out, String version, String docsUrl) {
        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA);
        log.addProperty("version", "2.1.0");
        JsonObject run = new JsonObject();
        run.add("tool", tool(version, docsUrl));
        JsonObject bases = new JsonObject();
        JsonObject srcroot = new JsonObject();
        srcroot.addProperty("uri", directoryUri(report.base()));
        bases.add(SRCROOT, srcroot);
        run.add("originalUriBaseIds", bases);
        JsonArray results = new JsonArray();
        Map<String, Integer> ruleIndex = ruleIndex();
        OtherFiles others = new OtherFiles(report.base());
        for (CheckedFile file : report.files()) {
            Map<String, Integer> seen = new HashMap<>();
            for (Diagnostic d : file.diagnostics()) {
                results.add(result(file, d, ruleIndex, seen, others));
            }
        }
        run.add("results", results);
        run.addProperty("columnKind", "utf16CodeUnits");
        JsonArray runs = new JsonArray();
        runs.add(run);
        log.add("runs", runs);
        out.println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(log));
    }

    private static JsonObject tool(String version, String docsUrl) {
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "rx-lsp");
        driver.addProperty("version", version);
        driver.addProperty("informationUri", docsUrl);
        JsonArray rules = new JsonArray();
        for (DiagnosticCodes.Code code : DiagnosticCodes.all()) {
            JsonObject rule = new JsonObject();
            rule.addProperty("id", code.code());
            rule.addProperty("name", friendlyName(code.code()));
            rule.add("shortDescription", text(code.description()));
            JsonObject config = new JsonObject();
            config.addProperty("level", level(code.defaultSeverity()));
            rule.add("defaultConfiguration", config);
            rule.addProperty("helpUri", docsUrl + "#" + section(code.source()));
            JsonObject properties = new JsonObject();
            properties.addProperty("source", code.source());
            rule.add("properties", properties);
            rules.add(rule);
        }
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        return tool;
    }

    /** SARIF's "friendly name" of a rule, in Pascal case: {@code nix-missing-token} is {@code NixMissingToken}. */
    static String friendlyName(String code) {
        StringBuilder out = new StringBuilder();
        for (String part : code.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return out.toString();
    }

    /** The README section that documents a source's codes (GitHub's heading anchors). */
    private static String section(String source) {
        return switch (source) {
            case "mcl" -> "mcl";
            case "rx" -> "mcl-inside-nix-rxnix";
            default -> "diagnostics";
        };
    }

    private static Map<String, Integer> ruleIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (DiagnosticCodes.Code code : DiagnosticCodes.all()) {
            index.put(code.code(), index.size());
        }
        return index;
    }

    private static JsonObject result(CheckedFile file, Diagnostic d, Map<String, Integer> ruleIndex, Map<String, Integer> seen,
                                     OtherFiles others) {
        JsonObject r = new JsonObject();
        r.addProperty("ruleId", d.code());
        Integer index = ruleIndex.get(d.code());
        if (index != null) {
            r.addProperty("ruleIndex", index);
        }
        r.addProperty("level", level(d.severity()));
        r.add("message", text(d.message()));
        JsonArray locations = new JsonArray();
        locations.add(location(file.path(), file.lines(), d.range(), null));
        r.add("locations", locations);
        if (!d.related().isEmpty()) {
            JsonArray related = new JsonArray();
            int id = 1;
            for (Diagnostic.Related rel : d.related()) {
                JsonObject location = rel.file() == null ? location(file.path(), file.lines(), rel.range(), rel.message())
                        : others.lines(rel.file()).map(lines -> location(others.shown(rel.file()), lines, rel.range(), rel.message()))
                        .orElse(null);
                if (location != null) { // a related file that went away is left out
                    location.addProperty("id", id++);
                    related.add(location);
                }
            }
            r.add("relatedLocations", related);
        }
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty(FINGERPRINT, fingerprint(file, d, seen));
        r.add("partialFingerprints", fingerprints);
        JsonObject properties = new JsonObject();
        properties.addProperty("source", d.source());
        properties.addProperty("stage", d.stage());
        r.add("properties", properties);
        return r;
    }

    private static JsonObject location(String shownPath, LineIndex lines, TextRange range, String message) {
        JsonObject physical = new JsonObject();
        JsonObject artifact = new JsonObject();
        Path path = Path.of(shownPath);
        if (path.isAbsolute()) {
            artifact.addProperty("uri", path.toUri().toString());
        } else {
            artifact.addProperty("uri", relativeUri(path));
            artifact.addProperty("uriBaseId", SRCROOT);
        }
        physical.add("artifactLocation", artifact);
        physical.add("region", region(lines, range));
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        if (message != null) {
            location.add("message", text(message));
        }
        return location;
    }

    private static JsonObject region(LineIndex lines, TextRange range) {
        LineColumn start = lines.position(range.start(), PositionEncoding.UTF16);
        LineColumn end = lines.position(range.end(), PositionEncoding.UTF16);
        JsonObject region = new JsonObject();
        region.addProperty("startLine", start.line() + 1);
        region.addProperty("startColumn", start.column() + 1);
        region.addProperty("endLine", end.line() + 1);
        region.addProperty("endColumn", end.column() + 1);
        return region;
    }

    /**
     * Code, file, the whitespace-trimmed text of the diagnostic's first line, and the ordinal among
     * the file's diagnostics with the same code and line text: stable while that line's text stays.
     */
    static String fingerprint(CheckedFile file, Diagnostic d, Map<String, Integer> seen) {
        LineIndex lines = file.lines();
        int line = lines.lineOf(d.range().start());
        String lineText = lines.text().substring(lines.lineStart(line), lines.lineContentEnd(line)).strip();
        String key = d.code() + "\u0000" + file.path() + "\u0000" + lineText;
        int ordinal = seen.merge(key, 1, Integer::sum);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((key + "\u0000" + ordinal).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION, HINT -> "note";
        };
    }

    private static JsonObject text(String text) {
        JsonObject message = new JsonObject();
        message.addProperty("text", text);
        return message;
    }

    /** A relative path as a relative URI reference: {@code /}-separated, each segment percent-encoded. */
    static String relativeUri(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path segment : path.normalize()) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(encodeSegment(segment.toString()));
        }
        return out.toString();
    }

    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** Files that related locations point into (another module, a {@code .mcl} file), read once each for their lines. */
    private static final class OtherFiles {
        private final Path base;
        private final Map<Path, java.util.Optional<LineIndex>> lines = new HashMap<>();

        OtherFiles(Path base) {
            this.base = base;
        }

        java.util.Optional<LineIndex> lines(Path file) {
            return lines.computeIfAbsent(file, f -> {
                try {
                    return java.util.Optional.of(LineIndex.of(rxlsp.text.SourceText.decode(java.nio.file.Files.readAllBytes(f)).text()));
                } catch (java.io.IOException e) {
                    return java.util.Optional.empty();
                }
            });
        }

        String shown(Path file) {
            return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
        }
    }

    private static String directoryUri(Path dir) {
        String uri = dir.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
