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
import rxlsp.features.StatementLexemes;
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
    private final Map<String, StatementLexemes> lexemes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** The last answer's tokens, unboxed: a delta compares and sends only the changed middle. */
    private record Kept(String resultId, int[] data) {
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
            int[] data = encode(uri, model, null);
            String id = Long.toString(ids.incrementAndGet());
            last.put(uri, new Kept(id, data));
            return new SemanticTokens(id, boxed(data, 0, data.length));
        }, new SemanticTokens(List.of()));
    }

    CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> delta(SemanticTokensDeltaParams params) {
        String uri = params.getTextDocument().getUri();
        return server.requests().on(uri, model -> {
            int[] data = encode(uri, model, null);
            String id = Long.toString(ids.incrementAndGet());
            Kept previous = last.put(uri, new Kept(id, data));
            if (previous == null || !previous.resultId().equals(params.getPreviousResultId())) {
                return Either.<SemanticTokens, SemanticTokensDelta>forLeft(new SemanticTokens(id, boxed(data, 0, data.length)));
            }
            return Either.<SemanticTokens, SemanticTokensDelta>forRight(new SemanticTokensDelta(edits(previous.data(), data), id));
        }, Either.forLeft(new SemanticTokens(List.of())));
    }

    CompletableFuture<SemanticTokens> range(SemanticTokensRangeParams params) {
        String uri = params.getTextDocument().getUri();
        return server.requests().on(uri, model -> {
            int start = server.positions().offset(model.lines(), params.getRange().getStart());
            int end = server.positions().offset(model.lines(), params.getRange().getEnd());
            int[] data = encode(uri, model, new TextRange(Math.min(start, end), Math.max(start, end)));
            return new SemanticTokens(boxed(data, 0, data.length));
        }, new SemanticTokens(List.of()));
    }

    void forget(String uri) {
        last.remove(uri);
        lexemes.remove(uri);
    }

    private int[] encode(String uri, DocumentModel model, TextRange within) {
        IntList data = new IntList();
        int line = 0;
        int column = 0;
        for (var t : rxlsp.features.SemanticTokens.of(model, lexemes.computeIfAbsent(uri, u -> StatementLexemes.kept()))) {
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
        return data.toArray();
    }

    /** A growable int array: the tokens of a large document are hundreds of thousands of numbers. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static List<Integer> boxed(int[] data, int from, int to) {
        List<Integer> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(data[i]);
        }
        return out;
    }

    /** One edit replacing what lies between the common start and the common end of the two token arrays. */
    private static List<SemanticTokensEdit> edits(int[] before, int[] after) {
        int prefix = Arrays.mismatch(before, after);
        if (prefix < 0) {
            return List.of();
        }
        int suffix = 0;
        while (suffix < before.length - prefix && suffix < after.length - prefix
                && before[before.length - 1 - suffix] == after[after.length - 1 - suffix]) {
            suffix++;
        }
        return List.of(new SemanticTokensEdit(prefix, before.length - prefix - suffix, boxed(after, prefix, after.length - suffix)));
    }
}
