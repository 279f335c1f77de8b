package rxlsp.embed;

import java.nio.file.Path;
import java.util.Optional;

/** The text of files by path: the editor's unsaved buffers where it has them, else the disk. */
@FunctionalInterface
public interface SourceFiles {
    /** The file's text, or empty when it does not exist or cannot be read as text. */
    Optional<String> read(Path file);

    /**
     * The file's text when it has at most {@code maxChars} characters, else empty; implementations
     * reading the disk look at the size before reading (a 10 MB file next to a module is not read
     * when only small files are of interest).
     */
    default Optional<String> readAtMost(Path file, long maxChars) {
        return read(file).filter(text -> text.length() <= maxChars);
    }

    /** Why the file is not read although it may exist (it is outside the workspace), or empty. */
    default Optional<String> refusal(Path file) {
        return Optional.empty();
    }
}
