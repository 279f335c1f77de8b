package rxlsp.analysis;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.workspace.FileKind;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.text.SourceText;

/**
 * Checks whole files from their bytes, for {@code rx-lsp check} and for files on disk that are not
 * open in an editor. One instance per thread: it owns a tree-sitter parser.
 */
public final class FileChecker implements AutoCloseable {
    private final NixParser nixParser = NixParser.forSingleParses();
    private final DialectChoice dialects;
    private final java.util.function.Function<Dialect, rxlsp.mcl.catalog.Catalog> catalogs;

    /** A checker for MCL written for mgmt 1.1 and later. */
    public FileChecker() {
        this(Dialect.MGMT_1_1);
    }

    /** @param mclDialect the mgmt version {@code .mcl} files are written for */
    public FileChecker(Dialect mclDialect) {
        this(DialectChoice.of(mclDialect), rxlsp.mcl.catalog.Catalog::builtIn);
    }

    /**
     * @param dialects the mgmt version {@code .mcl} files are written for, or a choice per file
     * @param catalogs what mgmt offers MCL code: the built-in catalogue, or one with the user's mgmt docs
     */
    public FileChecker(DialectChoice dialects, java.util.function.Function<Dialect, rxlsp.mcl.catalog.Catalog> catalogs) {
        this.dialects = dialects;
        this.catalogs = catalogs;
    }

    public CheckedFile check(String path, FileKind kind, byte[] bytes) {
        return check(path, null, kind, bytes);
    }

    /**
     * Checks one file; with {@code file} (absolute) a Nix file is also scanned for rx.nix options, so
     * that its configuration can be assembled afterwards.
     */
    public CheckedFile check(String path, java.nio.file.Path file, FileKind kind, byte[] bytes) {
        SourceText source = SourceText.decode(bytes);
        String sourceName = kind == FileKind.MCL ? "mcl" : "nix";
        if (source.problem().map(p -> p.kind() == SourceText.Kind.BINARY).orElse(false)) {
            return new CheckedFile(path, LineIndex.of(""), Diagnostics.ofUnreadable(source, sourceName));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (source.problem().map(p -> p.kind() == SourceText.Kind.INVALID_UTF8).orElse(false)) {
            diagnostics.add(Diagnostics.invalidUtf8(source, sourceName));
        }
        String text = source.text();
        LineIndex lines = null;
        rxlsp.embed.ModuleScan scan = null;
        if (kind == FileKind.NIX) {
            NixSyntaxTree tree = nixParser.parse(text);
            lines = tree.lines();
            diagnostics.addAll(Diagnostics.ofNix(tree));
            if (file != null) {
                scan = rxlsp.embed.ModuleScanner.scan(file, text, tree.root());
            }
        }
        if (kind == FileKind.MCL) {
            StandaloneMcl.Analysed analysed = StandaloneMcl.analyse(text, d -> MclFrontEnd.parse(text, d),
                    java.nio.file.Path.of(path).toAbsolutePath(), Imports.nextTo(path), dialects, catalogs);
            diagnostics.addAll(analysed.diagnostics());
            if (dialects.automatic() && analysed.unit().dialect() != DialectChoice.DEFAULT) {
                notes.add("read as " + DialectChoice.describe(analysed.unit().dialect())
                        + " (it parses only there); --mgmt-version chooses the dialect");
            }
        }
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new CheckedFile(path, lines != null ? lines : LineIndex.of(text), diagnostics, scan, notes);
    }

    @Override
    public void close() {
        nixParser.close();
    }
}
