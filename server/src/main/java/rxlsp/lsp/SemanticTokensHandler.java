package rxlsp.lsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import rxlsp.analysis.DocumentModel;
import rxlsp.text.LineColumn;
import rxlsp.text.TextRange;

/**
 * {@code textDocument/semanticTokens/full}, {@code /full/delta} and {@code /range}: the MCL tokens in
 * LSP's relative encoding, positions in the negotiated encoding. The last full answer per document is
 * kept, so that a delta request gets only what changed (one edit: the changed middle).
 */
final class SemanticTokensHandler {
    static final List<String> TYPES = Arrays.stream(rxlsp.features.SemanticTokens.Type.values())
            .map(t -> switch (t) {
                case KEYWORD -> "keyword";
                case TYPE -> "type";
                case CLASS -> "class";
                case VARIABLE -> "variable";
                case PARAMETER -> "parameter";
                case PROPERTY -> "property";
                case FUNCTION -> "function";
                case NAMESPACE -> "namespace";
                case STRING -> "string";
                case NUMBER -> "number";
                case OPERATOR -> "operator";
                case COMMENT -> "comment";
            }).toList();
    static final List<String> MODIFIERS = List.of("declaration", "readonly", "defaultLibrary");

    private final RxLanguageServer server;
    private final Map<String, Kept> last = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private record Kept(String resultId, List<Integer> data) {
    }

    SemanticTokensHandler(RxLanguageServer server) {
        this.server = server;
    }

    static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TYPES, MODIFIERS);
    }

    CompletableFuture<SemanticTokens> full(SemanticTokensParams params) {
        String uri = params.getTextDocument().getUri();
        return server.requests().on(uri, model -> {
            List<Integer> data = encode(model, null);
            String id = Long.toString(ids.incrementAndGet());
            last.put(uri, new Kept(id, data));
            return new SemanticTokens(id, data);
        }, new SemanticTokens(List.of()));
    }

    CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> delta(SemanticTokensDeltaParams params) {
        String uri = params.getTextDocument().getUri();
        return server.requests().on(uri, model -> {
            List<Integer> data = encode(model, null);
            String id = Long.toString(ids.incrementAndGet());
            Kept previous = last.put(uri, new Kept(id, data));
            if (previous == null || !previous.resultId().equals(params.getPreviousResultId())) {
                return Either.<SemanticTokens, SemanticTokensDelta>forLeft(new SemanticTokens(id, data));
            }
            return Either.<SemanticTokens, SemanticTokensDelta>forRight(new SemanticTokensDelta(edits(previous.data(), data), id));
        }, Either.forLeft(new SemanticTokens(List.of())));
    }

    CompletableFuture<SemanticTokens> range(SemanticTokensRangeParams params) {
        return server.requests().on(params.getTextDocument().getUri(), model -> {
            int start = server.positions().offset(model.lines(), params.getRange().getStart());
            int end = server.positions().offset(model.lines(), params.getRange().getEnd());
            return new SemanticTokens(encode(model, new TextRange(Math.min(start, end), Math.max(start, end))));
        }, new SemanticTokens(List.of()));
    }

    void forget(String uri) {
        last.remove(uri);
    }

    private List<Integer> encode(DocumentModel model, TextRange within) {
        List<Integer> data = new ArrayList<>();
        int line = 0;
        int column = 0;
        for (var t : rxlsp.features.SemanticTokens.of(model)) {
            if (within != null && (t.range().end() <= within.start() || t.range().start() >= within.end())) {
                continue;
            }
            LineColumn a = model.lines().position(t.range().start(), server.positions().encoding());
            LineColumn b = model.lines().position(t.range().end(), server.positions().encoding());
            if (a.line() != b.line() || b.column() <= a.column()) {
                continue;
            }
            data.add(a.line() - line);
            data.add(a.line() == line ? a.column() - column : a.column());
            data.add(b.column() - a.column());
            data.add(t.type().ordinal());
            int mods = 0;
            for (var m : t.modifiers()) {
                mods |= 1 << m.ordinal();
            }
            data.add(mods);
            line = a.line();
            column = a.column();
        }
        return data;
    }

    /** One edit replacing what lies between the common start and the common end of the two token arrays. */
    private static List<SemanticTokensEdit> edits(List<Integer> before, List<Integer> after) {
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        if (prefix == before.size() && prefix == after.size()) {
            return List.of();
        }
        return List.of(new SemanticTokensEdit(prefix, before.size() - prefix - suffix,
                new ArrayList<>(after.subList(prefix, after.size() - suffix))));
    }
}
