package rxlsp.intellij;

import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.openapi.vfs.VirtualFile;
import com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The server process, run by the IDE's process handler (which gives LSP4IJ the server's stderr and tells it
 * when the process ends), and the settings sent as {@code initializationOptions}.
 */
final class RxLspConnectionProvider extends OSProcessStreamConnectionProvider {
    private final Map<String, Object> initializationOptions;

    RxLspConnectionProvider(ServerLaunch launch) {
        // LSP4IJ decodes the server's stdout with the command line's charset and re-encodes it as UTF-8 for the
        // protocol reader: anything but UTF-8 would corrupt non-ASCII text and its Content-Length.
        super(new GeneralCommandLine(launch.command()).withCharset(StandardCharsets.UTF_8));
        this.initializationOptions = launch.initializationOptions();
    }

    @Override
    public Object getInitializationOptions(VirtualFile rootUri) {
        // A plain map: lsp4j's Gson writes it as the JSON object the server reads.
        return initializationOptions;
    }
}
