package rxlsp.nix;


/**
 * Trees the static checks must read with care even without a syntax error: a tree cut at
 * {@link NixParser#MAX_DEPTH} has binding sets that lack their parts. (Whether a tree has a syntax
 * error at all is {@link NixSyntaxDiagnostics}' verdict, shared by the syntax and static checks.)
 */
final class ErrorRecovery {
    private ErrorRecovery() {
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
