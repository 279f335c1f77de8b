package rxlsp.lsp;

import com.google.gson.TypeAdapter;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** rx-lsp's own requests, outside the LSP specification (lsp4j wants an interface to delegate to). */
@JsonSegment("rx")
public interface RxRequests {
    /** Parameters naming one document. */
    final class DocumentParams {
        TextDocumentIdentifier textDocument;

        String uri() {
            return textDocument == null ? null : textDocument.getUri();
        }
    }

    /** The program text and its configuration's root URI; both null when there is no configuration. */
    @JsonAdapter(RenderedProgramResult.Writer.class)
    record RenderedProgramResult(String text, String root) {
        static final RenderedProgramResult NONE = new RenderedProgramResult(null, null);

        /** Writes both members even when null, as the request's contract says (lsp4j's Gson drops nulls). */
        static final class Writer extends TypeAdapter<RenderedProgramResult> {
            @Override
            public void write(JsonWriter out, RenderedProgramResult value) throws IOException {
                boolean serializeNulls = out.getSerializeNulls();
                out.setSerializeNulls(true);
                try {
                    out.beginObject().name("text").value(value.text()).name("root").value(value.root()).endObject();
                } finally {
                    out.setSerializeNulls(serializeNulls);
                }
            }

            @Override
            public RenderedProgramResult read(JsonReader in) {
                throw new UnsupportedOperationException("the server only sends this result");
            }
        }
    }

    /** {@code rx/renderedProgram}: the assembled {@code main.mcl} of the document's rx.nix configuration. */
    @JsonRequest("renderedProgram")
    CompletableFuture<RenderedProgramResult> renderedProgram(DocumentParams params);
}
