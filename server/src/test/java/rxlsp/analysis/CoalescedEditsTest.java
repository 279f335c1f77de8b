package rxlsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.TextEdit;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * Edits that came faster than the analysis arrive in one snapshot; the analyzer takes them as the
 * one edit over where they changed the text. Its model must be a fresh analysis's.
 */
class CoalescedEditsTest {
    private static final String URI = "file:///coalesced/configuration.nix";
    private static final String MODULE = "{ pkgs, ... }:\n{\n  rx.mcl.imports = [ \"fmt\" ];\n  rx.mcl.raw = [ ''\n"
            + "    $x = fmt.printf(\"%d\", 1)\n    file \"/tmp/${pkgs.hello}\" {\n      content => $x,\n    }\n  '' ];\n"
            + "  services.a = { enable = true; port = 80; list = [ 1 2 3 ]; };\n}\n";
    private static final String[] TYPED = {"x", "1", " ", "\n", "\"", "{", "}", ";", "é", "$y", "= 2;"};

    @Test
    void severalEditsInOneSnapshotGiveAFreshAnalysis() {
        Random random = new Random(12);
        Catalog catalog = Catalog.builtIn(Dialect.MGMT_1_1);
        try (DocumentAnalyzer editor = new DocumentAnalyzer()) {
            String text = MODULE;
            editor.analyze(new DocumentSnapshot(URI, FileKind.NIX, 1, text, null), Dialect.MGMT_1_1, catalog);
            for (int version = 2; version < 300; version++) {
                List<TextEdit> edits = new ArrayList<>();
                String edited = text;
                for (int k = 1 + random.nextInt(5); k > 0; k--) {
                    int start = random.nextInt(edited.length() + 1);
                    int end = Math.min(edited.length(), start + (random.nextInt(3) == 0 ? random.nextInt(3) : 0));
                    TextEdit e = new TextEdit(start, end, random.nextInt(4) == 0 ? "" : TYPED[random.nextInt(TYPED.length)]);
                    edits.add(e);
                    edited = e.applyTo(edited);
                }
                if (version % 25 == 0) { // back to a sane module now and then: from there, valid and broken texts alike
                    edits = List.of(new TextEdit(0, text.length(), MODULE));
                    edited = MODULE;
                }
                DocumentModel model = editor.analyze(new DocumentSnapshot(URI, FileKind.NIX, version, edited, edits), Dialect.MGMT_1_1, catalog);
                try (DocumentAnalyzer fresh = new DocumentAnalyzer()) {
                    DocumentModel expected = fresh.analyze(new DocumentSnapshot(URI, FileKind.NIX, version, edited, null), Dialect.MGMT_1_1, catalog);
                    if (!expected.nix().root().hasError()) { // with syntax errors, tree-sitter's incremental recovery may differ
                        assertEquals(expected.diagnostics(), model.diagnostics(), "version " + version + " after " + edits);
                    }
                }
                text = edited;
            }
        }
    }
}
