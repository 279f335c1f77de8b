package rxlsp.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import rxlsp.config.ConfigException;
import rxlsp.config.ProjectConfig;
import rxlsp.config.ProjectConfigReader;

/**
 * The workspace's {@code rx-lsp.toml} (in the first workspace folder, or the nearest folder above
 * it), read again when it changes: the client's file watcher tells the server when it was
 * registered, and otherwise the file's time stamp is compared whenever a document is opened or
 * saved. A file that cannot be used is reported once and the last good one is kept.
 */
final class ProjectConfigWatch {
    /** The glob the server asks the client to watch. */
    static final String GLOB = "**/" + ProjectConfig.FILE_NAME;

    private final Consumer<String> report;
    private volatile List<Path> roots = List.of();
    private volatile ProjectConfig current = ProjectConfig.NONE;
    private volatile Path file;
    private volatile FileTime stamp;

    ProjectConfigWatch(Consumer<String> report) {
        this.report = report;
    }

    ProjectConfig current() {
        return current;
    }

    /** Looks for the file anew under {@code roots}; true when the configuration changed. */
    synchronized boolean setRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
        file = null;
        return refresh();
    }

    /** Reads the file again when it appeared, went away or changed; true when the configuration changed. */
    synchronized boolean refresh() {
        Optional<Path> found = roots.isEmpty() ? Optional.empty() : ProjectConfig.find(roots.getFirst());
        Path next = found.orElse(null);
        FileTime nextStamp = next == null ? null : modified(next);
        if (Objects.equals(next, file) && Objects.equals(nextStamp, stamp)) {
            return false;
        }
        file = next;
        stamp = nextStamp;
        ProjectConfig before = current;
        if (next == null) {
            current = ProjectConfig.NONE;
        } else {
            try {
                current = ProjectConfigReader.read(next);
            } catch (ConfigException e) {
                report.accept("rx-lsp: " + e.getMessage() + "; keeping the previous settings");
            }
        }
        return !current.equals(before);
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return null;
        }
    }
}
