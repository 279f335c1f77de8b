package rxlsp.intellij;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The installed plugin's folder, as the zip lays it out: {@code lib/} (the plugin's class path),
 * {@code server/rx-lsp.jar} (run in its own JVM, so its bundled lsp4j never meets LSP4IJ's) and
 * {@code textmate/mcl/} (the MCL TextMate bundle). Found from where the plugin's own classes were loaded,
 * which needs no IDE API.
 */
record PluginLayout(Path home) {
    private static final String JAR_URL_PREFIX = "jar:";
    private static final String JAR_SEPARATOR = "!/";

    Path serverJar() {
        return home.resolve("server").resolve("rx-lsp.jar");
    }

    Path mclBundle() {
        return home.resolve("textmate").resolve("mcl");
    }

    /** The layout around the plugin jar that holds this class. */
    static PluginLayout ofInstalledPlugin() throws PluginLayoutException {
        String resource = PluginLayout.class.getSimpleName() + ".class";
        return fromClassResource(PluginLayout.class.getResource(resource));
    }

    /**
     * The layout for a class loaded from {@code jar:file:/…/<plugin>/lib/<x>.jar!/…}: the plugin folder is
     * the jar's grandparent.
     */
    static PluginLayout fromClassResource(URL classResource) throws PluginLayoutException {
        String url = classResource == null ? "" : classResource.toString();
        int separator = url.indexOf(JAR_SEPARATOR);
        if (!url.startsWith(JAR_URL_PREFIX) || separator < 0) {
            throw new PluginLayoutException("rx-lsp cannot find its plugin folder: its classes were not loaded from "
                    + "the plugin's lib/ jar (" + url + "). Install the plugin from its zip.");
        }
        try {
            Path jar = Path.of(new URI(url.substring(JAR_URL_PREFIX.length(), separator)));
            Path lib = jar.getParent();
            if (lib == null || lib.getParent() == null || !lib.getFileName().toString().equals("lib")) {
                throw new PluginLayoutException("rx-lsp cannot find its plugin folder: " + jar + " is not in a lib/ "
                        + "folder. Install the plugin from its zip.");
            }
            return new PluginLayout(lib.getParent());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PluginLayoutException("rx-lsp cannot find its plugin folder from " + url + ": " + e.getMessage());
        }
    }

    static final class PluginLayoutException extends Exception {
        PluginLayoutException(String message) {
            super(message);
        }
    }
}
