package rxlsp.mcl.check;

/**
 * Finds the source of local imports ({@code "foo.mcl"}, {@code "dir/"}). Implemented over the file
 * system for standalone files, over the sections of a test archive in tests, and by the Nix embedding
 * over the files a deployment declares.
 */
public interface ImportResolver {

    /**
     * @param from       the importing file as named by an earlier answer, or {@code null} for the checked file
     * @param importPath the import string as written, {@code .mcl} file or directory ending in {@code /}
     */
    Result resolve(String from, String importPath);

    sealed interface Result {
    }

    /** @param file a stable name for the file (cycle detection and diagnostics), e.g. {@code dir/main.mcl} */
    record Found(String file, String text) implements Result {
    }

    /** The import cannot be satisfied; {@code message} says why (shown to the user). */
    record Failed(String message) implements Result {
    }

    /** Local files are not available in this context: the import is accepted unchecked. */
    record Unavailable() implements Result {
    }

    /** A resolver for contexts without files: every local import is accepted unchecked. */
    static ImportResolver none() {
        return (from, path) -> new Unavailable();
    }
}
