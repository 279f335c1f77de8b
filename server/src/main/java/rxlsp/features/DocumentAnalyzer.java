package rxlsp.features;

import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.LineIndex;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * Analyses successive snapshots of one open document, reparsing Nix incrementally from the edits
 * between them. Not thread-safe: the caller runs one analysis of a document at a time.
 */
public final class DocumentAnalyzer implements AutoCloseable {
    private final NixParser nixParser = new NixParser();

    private final Dialect mclDialect;

    /** An analyzer for MCL written for mgmt 1.1 and later. */
    public DocumentAnalyzer() {
        this(Dialect.MGMT_1_1);
    }

    /** @param mclDialect the mgmt version {@code .mcl} documents are written for */
    public DocumentAnalyzer(Dialect mclDialect) {
        this.mclDialect = mclDialect;
    }

    public AnalysisResult analyze(DocumentSnapshot snapshot) {
        return analyze(snapshot, mclDialect);
    }

    /** Analyses with the given MCL dialect (a setting the user may change while documents are open). */
    public AnalysisResult analyze(DocumentSnapshot snapshot, Dialect mclDialect) {
        if (snapshot.kind() == FileKind.MCL) {
            // MCL files are small: a full parse per change is cheap and keeps no state between versions.
            return new AnalysisResult(snapshot.uri(), snapshot.version(), LineIndex.of(snapshot.text()),
                    Diagnostics.ofMcl(MclFrontEnd.parse(snapshot.text(), mclDialect), Imports.forUri(snapshot.uri())));
        }
        if (snapshot.kind() != FileKind.NIX) {
            return new AnalysisResult(snapshot.uri(), snapshot.version(), LineIndex.of(snapshot.text()), List.of());
        }
        NixSyntaxTree tree = parse(snapshot);
        return new AnalysisResult(snapshot.uri(), snapshot.version(), tree.lines(), Diagnostics.ofNix(tree));
    }

    private NixSyntaxTree parse(DocumentSnapshot snapshot) {
        boolean incremental = snapshot.edits() != null && nixParser.lastText() != null && !snapshot.edits().isEmpty();
        if (incremental) {
            NixSyntaxTree tree = nixParser.reparse(snapshot.edits());
            if (tree.text().equals(snapshot.text())) {
                return tree;
            }
            // the edit history did not reproduce the editor's text: never trust it, parse afresh
        }
        return nixParser.parse(snapshot.text());
    }

    @Override
    public void close() {
        nixParser.close();
    }
}
