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
    private final Dialect mclDialect;
    private final rxlsp.mcl.catalog.Catalog catalog;

    /** A checker for MCL written for mgmt 1.1 and later. */
    public FileChecker() {
        this(Dialect.MGMT_1_1);
    }

    /** @param mclDialect the mgmt version {@code .mcl} files are written for */
    public FileChecker(Dialect mclDialect) {
        this(mclDialect, rxlsp.mcl.catalog.Catalog.builtIn(mclDialect));
    }

    /** @param catalog what mgmt offers MCL code: the built-in catalogue, or one with the user's mgmt docs */
    public FileChecker(Dialect mclDialect, rxlsp.mcl.catalog.Catalog catalog) {
        this.mclDialect = mclDialect;
        this.catalog = catalog;
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
            diagnostics.addAll(Diagnostics.ofMcl(text, MclFrontEnd.parse(text, mclDialect), Imports.nextTo(path), catalog));
        }
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new CheckedFile(path, lines != null ? lines : LineIndex.of(text), diagnostics, scan);
    }

    @Override
    public void close() {
        nixParser.close();
    }
}
