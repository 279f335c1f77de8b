package rxlsp.nix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import rxlsp.text.Diagnostic;

/**
 * Keywords used as names, which tree-sitter-nix 0.0.2 reads as plain identifiers without an error
 * while Nix rejects them ({@code { inherit rec; }}, {@code x: x.else}, {@code { a, in }: a}).
 * {@code or} is special in Nix: it is a fine attribute name and may stand as a function argument
 * ({@code f or}), but not as a variable elsewhere, a formal or a lambda parameter.
 */
final class KeywordNames {
    private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "assert", "with", "let", "in", "rec", "inherit");

    private KeywordNames() {
    }

    static List<Diagnostic> misused(NixSyntaxTree tree) {
        List<Diagnostic> out = new ArrayList<>();
        String text = tree.text();
        record Visit(SyntaxNode node, SyntaxNode parent, SyntaxNode grandparent) {
        }
        ArrayDeque<Visit> work = new ArrayDeque<>();
        work.push(new Visit(tree.root(), null, null));
        while (!work.isEmpty()) {
            Visit v = work.pop();
            SyntaxNode n = v.node();
            if (n.is("identifier")) {
                if (n.end() - n.start() > 7) {
                    continue; // longer than any keyword: skip the substring (this runs on every keystroke)
                }
                String name = n.text(text);
                if (KEYWORDS.contains(name) || name.equals("or") && orMisused(v.parent(), v.grandparent(), n)) {
                    out.add(Diagnostic.error(n.range(), NixSyntaxDiagnostics.SOURCE, NixSyntaxDiagnostics.STAGE,
                            "nix-keyword-as-name", "`" + name + "` is a keyword and cannot be used as a name here"
                                    + (name.equals("or") ? "" : "; quote it (\"" + name + "\") as an attribute name")));
                }
                continue;
            }
            for (SyntaxNode c : n.children()) {
                if (c.isNamed()) {
                    work.push(new Visit(c, n, v.parent()));
                }
            }
        }
        return out;
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
