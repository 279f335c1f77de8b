package rxlsp.lsp;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import rxlsp.analysis.DocumentModel;
import rxlsp.features.Completion;
import rxlsp.mcl.catalog.Catalog;

/**
 * {@code textDocument/completion} and {@code completionItem/resolve}: the items with their edits in
 * the negotiated encoding; documentation is filled in on resolve (the item's {@code data} names what
 * to describe, and the mgmt line whose catalogue describes it).
 */
final class CompletionHandler {
    private final RxLanguageServer server;

    CompletionHandler(RxLanguageServer server) {
        this.server = server;
    }

    CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return server.requests().at(params.getTextDocument().getUri(), params.getPosition(), (cursor, model) -> {
            Completion.Options options = new Completion.Options(server.clientSupportsSnippets(), server.workspace()::mclImportCandidates);
            Completion.Page page = Completion.page(Completion.at(cursor, options), model.text(), cursor.offset());
            List<CompletionItem> out = new ArrayList<>();
            for (Completion.Item item : page.items()) {
                out.add(convert(model, item));
            }
            return Either.<List<CompletionItem>, CompletionList>forRight(new CompletionList(page.incomplete(), out));
        }, Either.forRight(new CompletionList(false, List.of())));
    }

    private CompletionItem convert(DocumentModel model, Completion.Item item) {
        CompletionItem c = new CompletionItem(item.label());
        c.setKind(kind(item.kind()));
        c.setDetail(item.detail());
        c.setSortText(item.sortText());
        c.setFilterText(item.label());
        c.setTextEdit(Either.forLeft(edit(model, item.edit())));
        c.setInsertTextFormat(item.snippet() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
        if (!item.additional().isEmpty()) {
            c.setAdditionalTextEdits(item.additional().stream().map(e -> edit(model, e)).toList());
        }
        if (item.resolve() != null) {
            JsonObject data = new JsonObject();
            data.addProperty("what", item.resolve().what());
            data.addProperty("name", item.resolve().name());
            data.addProperty("mgmt", model.units().isEmpty() ? rxlsp.analysis.DialectChoice.DEFAULT.name()
                    : model.units().get(0).dialect().name());
            c.setData(data);
        }
        return c;
    }

    private TextEdit edit(DocumentModel model, rxlsp.text.TextEdit e) {
        return new TextEdit(server.positions().range(model.lines(), new rxlsp.text.TextRange(e.start(), e.end())), e.newText());
    }

    CompletableFuture<CompletionItem> resolve(CompletionItem item) {
        return CompletableFuture.supplyAsync(() -> {
            if (item.getData() instanceof JsonObject data && data.has("what") && data.has("name")) {
                rxlsp.mcl.Dialect dialect = rxlsp.analysis.DialectChoice.DEFAULT;
                try {
                    if (data.has("mgmt")) {
                        dialect = rxlsp.mcl.Dialect.valueOf(data.get("mgmt").getAsString());
                    }
                } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
                    // data the server did not write: described with the default line's catalogue
                }
                Catalog catalog = server.catalogOf(dialect);
                Completion.resolve(new Completion.Subject(data.get("what").getAsString(), data.get("name").getAsString()), catalog)
                        .ifPresent(doc -> item.setDocumentation(server.clientSupportsMarkdownHover()
                                ? new MarkupContent(MarkupKind.MARKDOWN, doc.markdown())
                                : new MarkupContent(MarkupKind.PLAINTEXT, doc.plain())));
            }
            return item;
        });
    }

    private static CompletionItemKind kind(Completion.Kind k) {
        return switch (k) {
            case VARIABLE -> CompletionItemKind.Variable;
            case FUNCTION -> CompletionItemKind.Function;
            case CLASS -> CompletionItemKind.Class;
            case KEYWORD -> CompletionItemKind.Keyword;
            case RESOURCE -> CompletionItemKind.Struct;
            case PARAMETER -> CompletionItemKind.Field;
            case PACKAGE -> CompletionItemKind.Module;
            case VALUE -> CompletionItemKind.EnumMember;
            case FILE -> CompletionItemKind.File;
            case OPTION -> CompletionItemKind.Property;
            case SNIPPET -> CompletionItemKind.Snippet;
        };
    }
}
