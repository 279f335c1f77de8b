package rxlsp.intellij;

import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerFactory;
import com.redhat.devtools.lsp4ij.server.CannotStartProcessException;
import com.redhat.devtools.lsp4ij.server.StreamConnectionProvider;

/**
 * LSP4IJ's entry point (the {@code server} extension in plugin.xml): starts the bundled rx-lsp jar.
 *
 * <p>When it cannot (no JDK 22+, the jar missing), it throws {@link CannotStartProcessException}: LSP4IJ
 * catches it while starting the server and shows its message once as a "Cannot start server" notification,
 * replacing an earlier one only when the message changes, and the IDE goes on without the server. A server
 * that exits on its own is reported by LSP4IJ the same way ("The server was stopped unexpectedly"), with the
 * server's stderr in its language-server console.
 */
public final class RxLspServerFactory implements LanguageServerFactory {
    /** The {@code id} of the {@code server} extension in plugin.xml. */
    static final String SERVER_ID = "rxLsp";

    @Override
    public StreamConnectionProvider createConnectionProvider(Project project) {
        try {
            ServerLaunch launch = ServerLaunch.resolve(RxLspSettings.load(new IdeSettingsStore()),
                    PluginLayout.ofInstalledPlugin(), Machine.current());
            return new RxLspConnectionProvider(launch);
        } catch (ServerLaunch.LaunchException | PluginLayout.PluginLayoutException e) {
            throw new CannotStartProcessException(e.getMessage());
        }
    }
}
