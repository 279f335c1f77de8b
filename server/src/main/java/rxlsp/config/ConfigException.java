package rxlsp.config;

import java.nio.file.Path;

/** A configuration file that cannot be used: the message names the file, the line and the key. */
public final class ConfigException extends Exception {
    public ConfigException(Path file, int line, String key, String problem) {
        super(file + (line > 0 ? ":" + line : "") + (key != null ? ": `" + key + "`" : "") + ": " + problem);
    }
}
