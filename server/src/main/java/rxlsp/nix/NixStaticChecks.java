package rxlsp.nix;

import java.util.List;
import rxlsp.text.Diagnostic;

/**
 * The checks Nix's parser makes after reading a file, before any evaluation: undefined variables,
 * duplicate attributes, duplicate formal arguments, and dynamic attribute names where Nix forbids
 * them ({@code let}, {@code inherit}). They are exactly as strict as Nix: a file Nix accepts gets
 * none of these errors, and each error matches one Nix reports. Where Nix 2.8 and current Nix differ
 * (the {@code e} of an {@code inherit (e);} without names: only Nix 2.20 and later resolve it), rx-lsp
 * follows current Nix, which rx.nix users run. A file with a syntax error gets none
 * of them, as in Nix: the same verdict as {@link NixSyntaxDiagnostics}, so there is one definition of a
 * syntax error.
 *
 * <p>Diagnostics have source {@code nix}, stage {@code scope}, severity error, and point at the name
 * that is wrong (for a duplicate: the second definition, with the first as related location).
 */
public final class NixStaticChecks {
    private NixStaticChecks() {
    }

    public static List<Diagnostic> of(NixSyntaxTree tree) {
        if (!NixSyntaxDiagnostics.of(tree).isEmpty()) {
            return List.of(); // Nix stops at the syntax error; what tree-sitter made of the rest is unreliable
        }
        return ofValidSyntax(tree);
    }

    /**
     * The checks on a tree already known to have no syntax error (for a caller that has the syntax
     * diagnostics at hand and need not find the errors twice).
     */
    public static List<Diagnostic> ofValidSyntax(NixSyntaxTree tree) {
        return ofValidSyntax(tree, null);
    }

    /**
     * The same, walking again only the subtrees that changed since the last run with the same
     * {@code summaries} (the document's, kept between its versions; null walks everything).
     */
    public static List<Diagnostic> ofValidSyntax(NixSyntaxTree tree, ScopeSummaries summaries) {
        StaticFindings findings = new StaticFindings(tree);
        AttrSetModels models = new AttrSetModels(tree.text(), findings, tree.depthLimited());
        if (summaries == null || tree.depthLimited()) { // a cut tree's sets may have lost bindings: walk it all
            new ScopeWalker(tree.text(), models, findings).walk(tree.root());
            return findings.sorted();
        }
        synchronized (summaries) {
            summaries.startRun();
            new ScopeWalker(tree.text(), models, findings, null, summaries).walk(tree.root());
        }
        return findings.sorted();
    }
}
