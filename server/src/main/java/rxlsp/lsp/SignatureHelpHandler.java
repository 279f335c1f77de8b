package rxlsp.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** {@code textDocument/signatureHelp} for MCL calls. */
final class SignatureHelpHandler {
    private final RxLanguageServer server;

    SignatureHelpHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) ->
                rxlsp.features.SignatureHelp.at(cursor).map(h -> {
                    SignatureInformation info = new SignatureInformation(h.label());
                    if (!h.documentation().blocks().isEmpty()) {
                        info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, h.documentation().markdown()));
                    }
                    info.setParameters(h.parameters().stream()
                            .map(p -> new ParameterInformation(p)).toList());
                    return new SignatureHelp(List.of(info), 0, h.active());
                }).orElse(null), null);
    }
}
