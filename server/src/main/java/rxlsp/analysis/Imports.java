package rxlsp.analysis;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import rxlsp.mcl.check.FileImports;
import rxlsp.mcl.check.ImportResolver;

/** The import resolver for a checked {@code .mcl} file: its directory on disk, or none when it has no path. */
final class Imports {
    private Imports() {
    }

    /** For a file named by a path (the CLI); an unusable path gives a resolver that accepts imports unchecked. */
    static ImportResolver nextTo(String path) {
        try {
            return path == null ? ImportResolver.none() : new FileImports(Path.of(path));
        } catch (InvalidPathException e) {
            return ImportResolver.none();
        }
    }

    /** For an editor document: {@code file:} URIs resolve on disk; unsaved buffers and other schemes do not. */
    static ImportResolver forUri(String uri) {
        return rxlsp.workspace.FileUris.pathOf(uri).<ImportResolver>map(FileImports::new).orElse(ImportResolver.none());
    }
}
