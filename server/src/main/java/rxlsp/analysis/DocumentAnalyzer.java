package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.ModuleScanner;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclIncrementalParser;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;
import rxlsp.workspace.FileUris;

/**
 * Analyses successive snapshots of one open document into {@link DocumentModel}s, reparsing Nix
 * incrementally from the edits between them and MCL from the statements that changed. A snapshot with
 * the same text as the last one (another file of its configuration changed) reuses the document's
 * own analysis and asks only for the configuration's. Not thread-safe: the caller runs one analysis
 * of a document at a time.
 */
public final class DocumentAnalyzer implements AutoCloseable {
    private final NixParser nixParser = new NixParser();
    /**
     * A standalone .mcl document's parsers, one per dialect: with the dialect chosen per file, a broken
     * text is parsed in both, and each goes on incrementally from its own last version.
     */
    private final java.util.Map<Dialect, MclIncrementalParser> mclParsers = new java.util.EnumMap<>(Dialect.class);

    private final ConfigurationContext configurations;
    /** The last Nix analysis, reused while the text is the same. */
    private NixPart lastNix;
    /** The Nix static checks' summaries of this document's subtrees, kept so that an edit re-walks only what it touched. */
    private final rxlsp.nix.ScopeSummaries scopeSummaries = new rxlsp.nix.ScopeSummaries();

    /** A Nix document's own analysis: the tree, its diagnostics and its module scan. */
    /** {@code scanned}: whether the text has words the module scanner starts from ({@link ModuleScanner#mayFindSomething}). */
    private record NixPart(Path path, String text, NixSyntaxTree tree, List<Diagnostic> diagnostics, ModuleScan scan,
                           boolean scanned) {
    }

    /** An analyzer for documents on their own. */
    public DocumentAnalyzer() {
        this(null);
    }

    /**
     * @param configurations the other files of the workspace, to assemble the rx.nix program a
     *                       document is part of; null to analyse each document alone
     */
    public DocumentAnalyzer(ConfigurationContext configurations) {
        this.configurations = configurations;
    }

    /** Analyses in the given dialect with the given catalogue. */
    public DocumentModel analyze(DocumentSnapshot snapshot, Dialect dialect, Catalog catalog) {
        return analyze(snapshot, DialectChoice.of(dialect), d -> catalog);
    }

    /**
     * Analyses with the user's settings, read per analysis: the dialect (given, or chosen per program)
     * and what the mgmt of a dialect offers.
     */
    public DocumentModel analyze(DocumentSnapshot snapshot, DialectChoice dialects, java.util.function.Function<Dialect, Catalog> catalogs) {
        Path path = FileUris.documentPath(snapshot.uri());
        Optional<Path> file = FileUris.pathOf(snapshot.uri());
        String text = snapshot.text();
        if (snapshot.kind() == FileKind.MCL) {
            // a .mcl file read by a configuration is judged as part of that program
            Optional<ConfigurationModel> cfg = configurations == null || file.isEmpty() ? Optional.empty()
                    : configurations.modelFor(file.get(), null, dialects, catalogs);
            LineIndex lines = LineIndex.of(text);
            if (cfg.isPresent() && cfg.get().programFiles().contains(path)) {
                return new DocumentModel(snapshot.uri(), snapshot.version(), snapshot.kind(), path, text, lines,
                        null, null, cfg.get(), null, cfg.get().diagnosticsOf(path));
            }
            StandaloneMcl.Analysed alone = StandaloneMcl.analyse(text, d -> mclParsers.computeIfAbsent(d, k -> new MclIncrementalParser()).parse(text, d), path,
                    Imports.forUri(snapshot.uri()), dialects, catalogs);
            return new DocumentModel(snapshot.uri(), snapshot.version(), snapshot.kind(), path, text, lines,
                    null, null, null, alone.unit(), alone.diagnostics());
        }
        if (snapshot.kind() != FileKind.NIX) {
            return new DocumentModel(snapshot.uri(), snapshot.version(), snapshot.kind(), path, text,
                    LineIndex.of(text), null, null, null, null, List.of());
        }
        NixPart nix = nixPart(snapshot, path);
        ConfigurationModel cfg = configurations == null || file.isEmpty() ? null
                : configurations.modelFor(file.get(), nix.scan(), dialects, catalogs).orElse(null);
        List<Diagnostic> diagnostics = new ArrayList<>(nix.diagnostics());
        if (cfg != null) {
            diagnostics.addAll(cfg.diagnosticsOf(path));
            diagnostics.sort(Diagnostic.BY_POSITION);
        }
        return new DocumentModel(snapshot.uri(), snapshot.version(), snapshot.kind(), path, text, nix.tree().lines(),
                nix.tree(), nix.scan(), cfg, null, diagnostics);
    }

    private NixPart nixPart(DocumentSnapshot snapshot, Path path) {
        NixPart last = lastNix;
        boolean unchanged = last != null && (snapshot.edits() == null || snapshot.edits().isEmpty())
                && last.text().equals(snapshot.text());
        if (unchanged) {
            return last;
        }
        List<rxlsp.text.TextEdit> edits = snapshot.edits();
        if (edits != null && edits.size() > 1 && nixParser.lastText() != null) {
            // edits that came faster than the analysis: one edit over where they changed the text,
            // which the parser and the scan can take locally (and no copy of the text per edit)
            edits = List.of(rxlsp.text.TextEdit.between(nixParser.lastText(), snapshot.text()));
        }
        NixSyntaxTree tree = parse(edits, snapshot.text());
        lastNix = analyseNix(path, tree, scanWords(last, edits, tree.text()));
        return lastNix;
    }

    /**
     * Whether the text has words the module scanner starts from. After one edit of a text that had
     * none, only words near the edit can be new: a 10 MB module is not read again per keystroke.
     */
    private static boolean scanWords(NixPart last, List<rxlsp.text.TextEdit> edits, String text) {
        if (last != null && !last.scanned() && edits != null && edits.size() == 1) {
            rxlsp.text.TextEdit e = edits.get(0);
            if (last.text().length() + e.newText().length() - (e.end() - e.start()) == text.length()) {
                return ModuleScanner.mayFindSomethingNear(text, e.start(), e.newEnd());
            }
        }
        return ModuleScanner.mayFindSomething(text);
    }

    private NixPart analyseNix(Path path, NixSyntaxTree tree, boolean scanned) {
        ModuleScan scan = ModuleScanner.scan(path, tree.text(), tree.root(), scanned);
        return new NixPart(path, tree.text(), tree, Diagnostics.ofNix(tree, scopeSummaries), scan, scanned);
    }

    /**
     * Whether the last Nix analysis was of an approximate tree (a syntax error kept inside the block
     * around an edit, in a document too big to wait for tree-sitter's recovery): {@link #refine} then
     * replaces it, when there is time.
     */
    public boolean approximate() {
        return nixParser.approximate() && lastNix != null;
    }

    /**
     * Replaces an approximate Nix analysis by one of tree-sitter's own tree of the same text, so that
     * the next {@link #analyze} of the same snapshot gives the exact model. False when there was
     * nothing to refine, {@code stop} said not to start, or {@link #cancelRefinement} stopped it.
     */
    public boolean refine(java.util.function.BooleanSupplier stop) {
        NixPart last = lastNix;
        if (last == null || !nixParser.approximate() || !last.text().equals(nixParser.lastText())) {
            return false;
        }
        NixSyntaxTree exact = nixParser.refine(stop);
        if (exact == null) {
            return false;
        }
        lastNix = analyseNix(last.path(), exact, last.scanned());
        return true;
    }

    private NixSyntaxTree parse(List<rxlsp.text.TextEdit> edits, String text) {
        boolean incremental = edits != null && nixParser.lastText() != null && !edits.isEmpty();
        if (incremental) {
            NixSyntaxTree tree = nixParser.reparse(edits, text);
            if (tree.text().equals(text)) {
                return tree;
            }
            // the edit history did not reproduce the editor's text: never trust it, parse afresh
        }
        return nixParser.parse(text);
    }

    /**
     * Stops a {@link #refine} under way, soon: for a newer edit. Unlike the rest of this class, safe
     * from any thread.
     */
    public void cancelRefinement() {
        nixParser.cancelRefinement();
    }

    @Override
    public void close() {
        nixParser.close();
    }
}
