package rxlsp.workspace;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The file behind an editor's document URI: only {@code file:} URIs name one. */
public final class FileUris {
    private FileUris() {
    }

    /** The absolute, normalised path of a {@code file:} URI; empty for other schemes and malformed URIs. */
    public static Optional<Path> pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Optional.of(Path.of(u).toAbsolutePath().normalize()) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
