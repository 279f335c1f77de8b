package rxlsp.text;

import java.nio.file.Path;

/**
 * The one folder rx-lsp writes to: files it keeps between runs (the tree-sitter libraries unpacked
 * from the jar, the output of an opted-in {@code mgmt docs generate}). It never writes anywhere
 * else. The system property {@code rx.cache.dir} names it; otherwise it is
 * {@code $XDG_CACHE_HOME/rx-lsp}, or {@code ~/.cache/rx-lsp}.
 */
public final class CacheFolder {
    private CacheFolder() {
    }

    public static Path path() {
        String set = System.getProperty("rx.cache.dir");
        if (set != null && !set.isBlank()) {
            return Path.of(set).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "rx-lsp");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "rx-lsp");
    }
}
