package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.ModuleScanner;
import rxlsp.text.Diagnostic;

import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclIncrementalParser;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.LineIndex;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * Analyses successive snapshots of one open document, reparsing Nix incrementally from the edits
 * between them and MCL from the statements that changed. Not thread-safe: the caller runs one analysis of a document at a time.
 */
public final class DocumentAnalyzer implements AutoCloseable {
    private final NixParser nixParser = new NixParser();
    private final MclIncrementalParser mclParser = new MclIncrementalParser();

    private final Dialect mclDialect;
    private final ConfigurationContext configurations;

    /** An analyzer for MCL written for mgmt 1.1 and later. */
    public DocumentAnalyzer() {
        this(Dialect.MGMT_1_1);
    }

    /** @param mclDialect the mgmt version {@code .mcl} documents are written for */
    public DocumentAnalyzer(Dialect mclDialect) {
        this(mclDialect, null);
    }

    /**
     * @param configurations the other files of the workspace, to assemble the rx.nix program a
     *                       document is part of; null to analyse each document alone
     */
    public DocumentAnalyzer(Dialect mclDialect, ConfigurationContext configurations) {
        this.mclDialect = mclDialect;
        this.configurations = configurations;
    }

    public AnalysisResult analyze(DocumentSnapshot snapshot) {
        return analyze(snapshot, mclDialect);
    }

    /** Analyses with the given MCL dialect (a setting the user may change while documents are open). */
    public AnalysisResult analyze(DocumentSnapshot snapshot, Dialect mclDialect) {
        return analyze(snapshot, mclDialect, rxlsp.mcl.catalog.Catalog.builtIn(mclDialect));
    }

    /** Analyses with the given dialect and catalogue of mgmt (the user's settings, read per analysis). */
    public AnalysisResult analyze(DocumentSnapshot snapshot, Dialect mclDialect, rxlsp.mcl.catalog.Catalog catalog) {
        Optional<Path> file = rxlsp.workspace.FileUris.pathOf(snapshot.uri());
        if (snapshot.kind() == FileKind.MCL) {
            // a .mcl file read by a configuration is judged as part of that program
            Optional<List<Diagnostic>> inProgram = configurations == null || file.isEmpty() ? Optional.empty()
                    : configurations.diagnosticsFor(file.get(), null, mclDialect, catalog);
            return new AnalysisResult(snapshot.uri(), snapshot.version(), LineIndex.of(snapshot.text()),
                    inProgram.orElseGet(() -> Diagnostics.ofMcl(mclParser.parse(snapshot.text(), mclDialect),
                            Imports.forUri(snapshot.uri()), catalog)));
        }
        if (snapshot.kind() != FileKind.NIX) {
            return new AnalysisResult(snapshot.uri(), snapshot.version(), LineIndex.of(snapshot.text()), List.of());
        }
        NixSyntaxTree tree = parse(snapshot);
        List<Diagnostic> diagnostics = new ArrayList<>(Diagnostics.ofNix(tree));
        if (configurations != null && file.isPresent()) {
            ModuleScan scan = ModuleScanner.scan(file.get(), tree.text(), tree.root());
            configurations.diagnosticsFor(file.get(), scan, mclDialect, catalog).ifPresent(diagnostics::addAll);
            diagnostics.sort(Diagnostic.BY_POSITION);
        }
        return new AnalysisResult(snapshot.uri(), snapshot.version(), tree.lines(), diagnostics);
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
