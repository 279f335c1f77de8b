package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.Diagnostic;

/**
 * Keywords used as names, which tree-sitter-nix 0.0.2 reads as plain identifiers without an error
 * while Nix rejects them ({@code { inherit rec; }}, {@code x: x.else}, {@code { a, in }: a}).
 * {@code or} is special in Nix: it is a fine attribute name and may stand as a function argument
 * ({@code f or}), but not as a variable elsewhere, a formal or a lambda parameter.
 */
final class KeywordNames {
    private static final List<String> KEYWORDS = List.of("if", "then", "else", "assert", "with", "let", "in", "rec",
            "inherit", "or");
    private static final int LONGEST = 7;

    private KeywordNames() {
    }

    /**
     * A walk over the subtrees the copy marked {@link SyntaxNode#HAS_KEYWORD_NAME} (this runs on every
     * keystroke: most of the tree is skipped), with an explicit stack of (node, parent, grandparent)
     * kept in arrays.
     */
    static List<Diagnostic> misused(NixSyntaxTree tree) {
        List<Diagnostic> out = new ArrayList<>();
        String text = tree.text();
        SyntaxNode[] nodes = new SyntaxNode[64];
        SyntaxNode[] parents = new SyntaxNode[64];
        SyntaxNode[] grandparents = new SyntaxNode[64];
        int top = 0;
        nodes[top++] = tree.root();
        while (top > 0) {
            top--;
            SyntaxNode n = nodes[top];
            SyntaxNode parent = parents[top];
            SyntaxNode grandparent = grandparents[top];
            if ((n.flags() & SyntaxNode.HAS_KEYWORD_NAME) == 0) {
                continue;
            }
            if (n.is("identifier")) {
                String name = keyword(text, n.start(), n.end());
                if (name != null && (!name.equals("or") || orMisused(parent, grandparent, n))) {
                    out.add(Diagnostic.error(n.range(), NixSyntaxDiagnostics.SOURCE, NixSyntaxDiagnostics.STAGE,
                            "nix-keyword-as-name", "`" + name + "` is a keyword and cannot be used as a name here"
                                    + (name.equals("or") ? "" : "; quote it (\"" + name + "\") as an attribute name")));
                }
                continue;
            }
            List<SyntaxNode> children = n.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                SyntaxNode c = children.get(i);
                if (!c.isNamed()) {
                    continue;
                }
                if (top == nodes.length) {
                    nodes = java.util.Arrays.copyOf(nodes, top * 2);
                    parents = java.util.Arrays.copyOf(parents, top * 2);
                    grandparents = java.util.Arrays.copyOf(grandparents, top * 2);
                }
                nodes[top] = c;
                parents[top] = n;
                grandparents[top] = parent;
                top++;
            }
        }
        return out;
    }

    /** The keyword (or {@code or}) {@code text[start, end)} spells, or null. */
    static String keyword(String text, int start, int end) {
        int length = end - start;
        if (length < 2 || length > LONGEST) {
            return null;
        }
        for (String k : KEYWORDS) {
            if (k.length() == length && text.startsWith(k, start)) {
                return k;
            }
        }
        return null;
    }

    private static boolean orMisused(SyntaxNode parent, SyntaxNode grandparent, SyntaxNode id) {
        if (parent == null) {
            return false;
        }
        if (parent.is("variable_expression")) {
            // `f or` is accepted for backwards compatibility: `or` as the argument of an application
            return grandparent == null || !grandparent.is("apply_expression")
                    || grandparent.child("argument").map(a -> a.start() != parent.start()).orElse(true);
        }
        return parent.is("formal") || parent.is("function_expression");
    }
}
