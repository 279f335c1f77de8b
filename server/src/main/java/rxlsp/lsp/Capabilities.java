package rxlsp.lsp;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.SemanticTokensServerFull;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
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
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix,
                CodeActionKind.RefactorExtract, CodeActionKind.RefactorInline)));
        caps.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(SemanticTokensHandler.legend(),
                new SemanticTokensServerFull(true), true));
        caps.setInlayHintProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setCompletionProvider(new CompletionOptions(true, List.of("$", ".", ":", "\"", "{")));
    }

    static boolean clientCreatesFiles(ClientCapabilities caps) {
        return caps != null && caps.getWorkspace() != null && caps.getWorkspace().getWorkspaceEdit() != null
                && caps.getWorkspace().getWorkspaceEdit().getResourceOperations() != null
                && caps.getWorkspace().getWorkspaceEdit().getResourceOperations().contains(ResourceOperationKind.Create)
                && Boolean.TRUE.equals(caps.getWorkspace().getWorkspaceEdit().getDocumentChanges());
    }

    static boolean clientTakesSnippets(ClientCapabilities caps) {
        return caps != null && caps.getTextDocument() != null && caps.getTextDocument().getCompletion() != null
                && caps.getTextDocument().getCompletion().getCompletionItem() != null
                && Boolean.TRUE.equals(caps.getTextDocument().getCompletion().getCompletionItem().getSnippetSupport());
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
