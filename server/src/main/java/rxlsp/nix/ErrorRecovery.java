package rxlsp.nix;

import java.util.List;

/**
 * Where tree-sitter's error recovery may have mis-read which names a construct binds. Checks built on
 * names stay silent there: Nix rejects such a file anyway, and the syntax diagnostics say why.
 */
final class ErrorRecovery {
    private ErrorRecovery() {
    }

    /**
     * Whether {@code node} has an ERROR child. Such an ERROR may hold a binder ({@code let},
     * {@code x:}) whose scope would cover the other children, so nothing under {@code node} can be
     * called undefined.
     */
    static boolean hasErrorChild(SyntaxNode node) {
        if (!node.hasError()) {
            return false;
        }
        for (SyntaxNode c : node.children()) {
            if (c.isError()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the bindings of an attribute set or {@code let} may be mis-read: an ERROR among them,
     * in a binding or in a name, or a binding with parts missing (as at the depth limit).
     */
    static boolean bindingsBroken(SyntaxNode node, SyntaxNode bindingSet) {
        if (hasErrorChild(node)) {
            return true;
        }
        if (bindingSet == null) {
            return false;
        }
        if (hasErrorChild(bindingSet)) {
            return true;
        }
        for (SyntaxNode b : bindingSet.children()) {
            if (b.is("binding") || b.is("inherit") || b.is("inherit_from")) {
                SyntaxNode names = b.child(b.is("binding") ? "attrpath" : "attrs").orElse(null);
                if (names == null || names.children().isEmpty() || hasErrorChild(b) || hasErrorChild(names)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * tree-sitter-nix 0.0.2 does not know the trailing comma Nix allows after the last formal
     * ({@code { pkgs, }:}); one of its readings is an ERROR holding just that {@code ,} right before
     * the closing {@code }}. Such an ERROR hides no name.
     */
    static boolean isTrailingFormalComma(SyntaxNode error, SyntaxNode formals) {
        int commas = 0;
        for (SyntaxNode c : error.children()) {
            if (c.is(",") && c.children().isEmpty()) {
                commas++;
            } else if (!c.isExtra()) {
                return false;
            }
        }
        if (commas != 1) {
            return false;
        }
        List<SyntaxNode> siblings = formals.children();
        boolean seen = false;
        for (SyntaxNode s : siblings) {
            if (s == error) {
                seen = true;
            } else if (seen && !s.isExtra()) {
                return s.is("}") && !s.isMissing();
            }
        }
        return false;
    }
}
