package rxlsp.analysis;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclChecker;
import rxlsp.mcl.check.Unknowns;
import rxlsp.nix.NixStaticChecks;
import rxlsp.nix.NixSyntaxDiagnostics;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.SourceText;
import rxlsp.text.TextRange;

/**
 * The diagnostics feature: everything rx-lsp reports for one file, LSP-free. Shared by the language
 * server and {@code rx-lsp check} so that both report exactly the same.
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    /** Diagnostics of a parsed Nix file, sorted by position. */
    public static List<Diagnostic> ofNix(NixSyntaxTree tree) {
        return ofNix(tree, null);
    }

    /** The same, the static checks walking only what changed since the last run with {@code summaries}. */
    public static List<Diagnostic> ofNix(NixSyntaxTree tree, rxlsp.nix.ScopeSummaries summaries) {
        List<Diagnostic> syntax = NixSyntaxDiagnostics.of(tree);
        List<Diagnostic> out = new ArrayList<>(syntax);
        if (tree.text().startsWith("\uFEFF")) {
            out.add(Diagnostic.error(new TextRange(0, 1), "nix", "syntax", DiagnosticCodes.NIX_BOM,
                    "the file starts with a byte order mark, which Nix rejects; save it as UTF-8 without BOM"));
        }
        if (syntax.isEmpty()) { // Nix stops at a syntax error, and so do the static checks
            out.addAll(NixStaticChecks.ofValidSyntax(tree, summaries));
        }
        out.sort(Diagnostic.BY_POSITION);
        return out;
    }

    /** Syntax and interpolation diagnostics of a parsed MCL file only, sorted by position. */
    public static List<Diagnostic> ofMcl(MclParseResult parsed) {
        List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
        out.sort(Diagnostic.BY_POSITION);
        return out;
    }

    /**
     * Diagnostics of a parsed MCL file: syntax, then the init, resource, scope and type stages with the
     * built-in catalogue of the file's dialect (on the statements away from any syntax error).
     */
    public static List<Diagnostic> ofMcl(String text, MclParseResult parsed, ImportResolver imports) {
        return ofMcl(text, parsed, imports, Catalog.builtIn(parsed.dialect()));
    }

    /** The same with a given catalogue (the built-in one with the user's mgmt docs on top). */
    public static List<Diagnostic> ofMcl(String text, MclParseResult parsed, ImportResolver imports, Catalog catalog) {
        List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
        out.addAll(MclChecker.check(parsed, text, catalog, imports, Unknowns.NONE).diagnostics());
        out.sort(Diagnostic.BY_POSITION);
        return out;
    }

    /** A diagnostic about the bytes of a file that is not analysed further (binary content). */
    public static List<Diagnostic> ofUnreadable(SourceText source, String sourceName) {
        var p = source.problem().orElseThrow();
        return List.of(Diagnostic.error(TextRange.at(0), sourceName, "syntax", DiagnosticCodes.BINARY_FILE,
                "binary file: a NUL byte at offset " + p.byteOffset() + "; rx-lsp checks only text"));
    }

    /** A warning for text that is not valid UTF-8; it is still analysed, with replacement characters. */
    public static Diagnostic invalidUtf8(SourceText source, String sourceName) {
        var p = source.problem().orElseThrow();
        return new Diagnostic(TextRange.at(0), rxlsp.text.Severity.WARNING, sourceName, "syntax", DiagnosticCodes.INVALID_UTF8,
                "the file is not valid UTF-8 (first bad byte at offset " + p.byteOffset()
                        + "); it is checked with replacement characters", List.of());
    }
}
