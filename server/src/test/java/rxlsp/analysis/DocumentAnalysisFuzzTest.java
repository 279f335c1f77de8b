package rxlsp.analysis;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.testing.RangesInside;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextEdit;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;
import rxlsp.testing.RandomEdits;

/**
 * Fuzz target: the whole analysis of an open document, as the editor drives it: a first version,
 * then an edit analysed incrementally. Nothing throws, every diagnostic lies inside its version's
 * text, and the edited version's diagnostics equal those of a fresh analysis of the same text
 * (for Nix, when the text has no syntax error: with errors, tree-sitter's incremental recovery may
 * differ from a fresh parse).
 */
public class DocumentAnalysisFuzzTest {
    private static final String[] TYPED = {"", "x", " ", "\n", "{", "}", "\"", "''", ";", "=", "$", "é", "${", "rx.mcl.raw = [ ''\n$x = 1\n'' ];"};

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        // on a stack as deep as the server's analysis threads: on the fuzzer's small one the semantic
        // checks of a deeply nested program overflow in one analysis and not the other (mcl-too-deep)
        Throwable[] failed = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                oneInput(data);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "fuzz-analysis", 16L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failed[0] instanceof Error e) {
            throw e;
        }
    }

    private static void oneInput(FuzzedDataProvider data) {
        FileKind kind = data.consumeBoolean() ? FileKind.NIX : FileKind.MCL;
        Dialect dialect = data.consumeBoolean() ? Dialect.MGMT_1_0 : Dialect.MGMT_1_1;
        int at = data.consumeInt(0, Integer.MAX_VALUE);
        int removed = data.consumeInt(0, 12);
        String typed = data.pickValue(TYPED);
        String text = data.consumeRemainingAsString();
        String uri = kind == FileKind.NIX ? "untitled:fuzz.nix" : "untitled:fuzz.mcl";
        TextEdit edit = RandomEdits.of(text, at, removed, typed);
        String edited = edit.applyTo(text);
        rxlsp.mcl.catalog.Catalog catalog = rxlsp.mcl.catalog.Catalog.builtIn(dialect);
        try (DocumentAnalyzer editor = new DocumentAnalyzer(); DocumentAnalyzer fresh = new DocumentAnalyzer()) {
            DocumentModel first = editor.analyze(new DocumentSnapshot(uri, kind, 1, text, null), dialect, catalog);
            RangesInside.check(first.diagnostics(), text.length());
            DocumentModel second = editor.analyze(new DocumentSnapshot(uri, kind, 2, edited, List.of(edit)), dialect, catalog);
            RangesInside.check(second.diagnostics(), edited.length());
            DocumentModel again = fresh.analyze(new DocumentSnapshot(uri, kind, 2, edited, null), dialect, catalog);
            boolean syntaxErrors = again.diagnostics().stream().anyMatch(d -> d.stage().equals("syntax"));
            if ((kind == FileKind.MCL || !syntaxErrors) && !second.diagnostics().equals(again.diagnostics())) {
                throw new AssertionError("after an edit the diagnostics differ from a fresh analysis: " + show(second.diagnostics())
                        + " vs " + show(again.diagnostics()) + "\nkind " + kind + ", " + dialect + ", edit " + edit + " of "
                        + new com.google.gson.Gson().toJson(text));
            }
        }
    }

    private static String show(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.code() + "@" + d.range()).toList().toString();
    }
}
