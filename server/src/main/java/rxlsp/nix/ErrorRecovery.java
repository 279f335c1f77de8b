package rxlsp.nix;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Which trees the static checks may trust. tree-sitter's error recovery invents and skips tokens, and
 * what follows can be read quite differently from what Nix reads: after an unterminated string
 * ({@code root = "/var;}) the rest of the line becomes code, {@code /var} a division by a variable
 * {@code var}. Nix itself stops at the first syntax error, so the static checks stay silent on any
 * file with one and leave it to the syntax diagnostics.
 *
 * <p>The exception is the gap of tree-sitter-nix 0.0.2 that Nix does not share: a trailing comma
 * after the last formal ({@code { pkgs, }:}), which Nix accepts and tree-sitter reads either as a last
 * formal with a MISSING name or as an ERROR holding just that comma. Such files are checked normally.
 */
final class ErrorRecovery {
    private ErrorRecovery() {
    }

    /** Whether the tree has an ERROR or MISSING node other than a trailing formal comma. */
    static boolean hasSyntaxError(SyntaxNode root) {
        if (!root.hasError()) {
            return false;
        }
        // parents travel with the nodes: the trailing comma is recognised by its surroundings
        record Visit(SyntaxNode node, SyntaxNode parent, SyntaxNode grandparent) {
        }
        ArrayDeque<Visit> work = new ArrayDeque<>();
        work.push(new Visit(root, null, null));
        while (!work.isEmpty()) {
            Visit v = work.pop();
            SyntaxNode n = v.node();
            if (n.isError()) {
                if (v.parent() != null && v.parent().is("formals") && GrammarGaps.isTrailingFormalComma(n, v.parent())) {
                    continue;
                }
                return true;
            }
            if (n.isMissing()) {
                if (GrammarGaps.isTrailingFormalName(n, v.parent(), v.grandparent())
                        || GrammarGaps.isEmptyInheritName(n, v.parent(), v.grandparent())) {
                    continue;
                }
                return true;
            }
            for (SyntaxNode c : n.children()) {
                if (c.hasError()) {
                    work.push(new Visit(c, n, v.parent()));
                }
            }
        }
        return false;
    }

    /**
     * Whether bindings lack parts they always have in a complete tree: what a tree cut at
     * {@link NixParser#MAX_DEPTH} looks like. Such a set binds names nobody can see.
     */
    static boolean bindingsIncomplete(SyntaxNode bindingSet) {
        if (bindingSet == null) {
            return false;
        }
        for (SyntaxNode b : bindingSet.children()) {
            if (b.is("binding") || b.is("inherit") || b.is("inherit_from")) {
                SyntaxNode names = b.child(b.is("binding") ? "attrpath" : "attrs").orElse(null);
                if (names == null || names.children().isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }
}
