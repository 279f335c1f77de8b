package rxlsp.text;

import java.nio.file.Path;

/**
 * The folder rx-lsp writes to (the output of an opted-in {@code mgmt docs generate}; the launcher
 * keeps its start-up cache and the unpacked tree-sitter libraries there too). It writes nowhere
 * else. The system property {@code rx.cache.dir} names it, else the launcher's folder
 * ({@code rx.native.cache}: next to the jar, or the user's cache); without either it is
 * {@code $XDG_CACHE_HOME/rx-lsp}, or {@code ~/.cache/rx-lsp}.
 */
public final class CacheFolder {
    private CacheFolder() {
    }

    public static Path path() {
        for (String property : new String[] {"rx.cache.dir", "rx.native.cache"}) {
            String set = System.getProperty(property);
            if (set != null && !set.isBlank()) {
                return Path.of(set).toAbsolutePath();
            }
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "rx-lsp");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "rx-lsp");
    }
}
