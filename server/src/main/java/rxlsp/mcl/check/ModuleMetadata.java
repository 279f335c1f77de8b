package rxlsp.mcl.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one thing rx-lsp reads from a module's {@code metadata.yaml}: its {@code main:} file (default
 * {@code main.mcl}). Only the flat {@code key: value} subset of YAML that mgmt's metadata uses is
 * understood; anything else is reported rather than guessed.
 */
public final class ModuleMetadata {
    private static final Pattern LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:(?:\\s+(.*?))?\\s*$");

    private ModuleMetadata() {
    }

    /** The main file, or a {@link ImportResolver.Failed} explaining why the text is not usable metadata. */
    public static Result mainFile(String yaml) {
        String main = "main.mcl";
        int n = 0;
        for (String raw : yaml.split("\n", -1)) {
            n++;
            String line = raw.replace("\r", "");
            int hash = line.indexOf(" #");
            if (line.startsWith("#")) {
                continue;
            }
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank() || line.strip().equals("---") || Character.isWhitespace(line.charAt(0))
                    || line.startsWith("- ")) {
                continue; // nested values and list items belong to keys rx-lsp does not use
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return new Result(null, "metadata.yaml line " + n + " is not `key: value` YAML: " + raw.strip());
            }
            if (m.group(1).equals("main") && m.group(2) != null && !m.group(2).isEmpty()) {
                String value = m.group(2);
                if ("[{&*|>!%@`".indexOf(value.charAt(0)) >= 0 || value.startsWith("\"") != value.endsWith("\"")
                        || value.length() == 1 && value.startsWith("\"")) {
                    return new Result(null, "metadata.yaml line " + n + ": `main:` must be a file name, not " + value);
                }
                main = unquote(value);
            }
        }
        if (main.isEmpty() || main.startsWith("/") || main.contains("..")) {
            return new Result(null, "metadata.yaml `main: " + main + "` must name a file inside the module");
        }
        return new Result(main, null);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Exactly one of {@code main} (a path relative to the module directory) and {@code problem} is set. */
    public record Result(String main, String problem) {
    }
}
