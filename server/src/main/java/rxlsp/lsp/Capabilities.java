package rxlsp.lsp;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelpOptions;

/** What rx-lsp offers a client, and what it reads of the client's capabilities. */
final class Capabilities {
    private Capabilities() {
    }

    static void declare(ServerCapabilities caps) {
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDeclarationProvider(true);
        caps.setTypeDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setDocumentHighlightProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of()));
    }

    /** Markdown unless the client lists hover formats without it. */
    static boolean clientReadsMarkdownHover(ClientCapabilities caps) {
        if (caps == null || caps.getTextDocument() == null || caps.getTextDocument().getHover() == null) {
            return true;
        }
        List<String> formats = caps.getTextDocument().getHover().getContentFormat();
        return formats == null || formats.isEmpty() || formats.contains(MarkupKind.MARKDOWN);
    }
}
