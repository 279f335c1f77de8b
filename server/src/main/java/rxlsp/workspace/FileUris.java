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

    /** Where documents without a file (unsaved buffers, other URI schemes) are placed: a folder no disk has. */
    private static final Path UNSAVED = Path.of("/rx-lsp-unsaved");

    /**
     * A path for any document: the file of a {@code file:} URI, else a name under a folder no disk has,
     * from which {@link #uriOf} gives the URI back. Analysis works on paths throughout.
     */
    public static Path documentPath(String uri) {
        return pathOf(uri).orElseGet(() -> UNSAVED.resolve(java.net.URLEncoder.encode(uri, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The URI of a path: the document's own URI for {@link #documentPath}'s made-up paths, else {@code file:}. */
    public static String uriOf(Path path) {
        if (path.getParent() != null && path.getParent().equals(UNSAVED)) {
            return java.net.URLDecoder.decode(path.getFileName().toString(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return path.toUri().toString();
    }
}
