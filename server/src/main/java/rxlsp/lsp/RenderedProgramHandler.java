package rxlsp.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import rxlsp.features.RenderedProgram;
import rxlsp.workspace.FileUris;

/**
 * {@code rx/renderedProgram}: the assembled {@code main.mcl} of the configuration a document belongs
 * to, for an editor command that shows it. Params {@code {"textDocument": {"uri": …}}}; result
 * {@code {"text": …, "root": …}}, both null when the document belongs to no rx.nix configuration.
 */
final class RenderedProgramHandler implements RxRequests {
    private final RxLanguageServer server;
    private final RenderedProgram feature;

    RenderedProgramHandler(RxLanguageServer server) {
        this.server = server;
        this.feature = new RenderedProgram(server.workspace().files(), server.workspace()::roots, server.workspace()::openNixFiles);
    }

    @Override
    public CompletableFuture<RenderedProgramResult> renderedProgram(DocumentParams params) {
        server.scheduler(); // refuses after shutdown
        String uri = params == null ? null : params.uri();
        return CompletableFutures.computeAsync(cancel -> FileUris.pathOf(uri == null ? "" : uri)
                .flatMap(path -> feature.of(path, server.nixVersion()))
                .map(r -> new RenderedProgramResult(r.text(), r.root().toUri().toString()))
                .orElse(RenderedProgramResult.NONE));
    }
}
