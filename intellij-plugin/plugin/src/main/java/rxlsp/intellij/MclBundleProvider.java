package rxlsp.intellij;

import java.util.List;
import org.jetbrains.plugins.textmate.api.TextMateBundleProvider;

/**
 * Registers the MCL TextMate bundle shipped in the plugin folder with the IDE's TextMate support (an optional
 * dependency: without the TextMate plugin, rx-lsp still serves {@code .mcl} files, only without colours).
 */
public final class MclBundleProvider implements TextMateBundleProvider {
    static final String BUNDLE_NAME = "mcl";

    @Override
    public List<PluginBundle> getBundles() {
        try {
            return List.of(new PluginBundle(BUNDLE_NAME, PluginLayout.ofInstalledPlugin().mclBundle()));
        } catch (PluginLayout.PluginLayoutException e) {
            // Nothing to highlight with; the server's start reports the broken installation once.
            return List.of();
        }
    }
}
