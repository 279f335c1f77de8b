package rxlsp.embed;

import java.nio.file.Path;
import java.util.Optional;

/** The text of files by path: the editor's unsaved buffers where it has them, else the disk. */
@FunctionalInterface
public interface SourceFiles {
    /** The file's text, or empty when it does not exist or cannot be read as text. */
    Optional<String> read(Path file);
}
