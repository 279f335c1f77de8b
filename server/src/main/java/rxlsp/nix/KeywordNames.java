package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;

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

    /** Runs on every keystroke: the walk visits only the subtrees the copy marked {@link SyntaxNode#HAS_KEYWORD_NAME}. */
    static List<Diagnostic> misused(NixSyntaxTree tree) {
        List<Diagnostic> out = new ArrayList<>();
        String text = tree.text();
        FlaggedWalk.walk(tree.root(), SyntaxNode.HAS_KEYWORD_NAME, (n, parent, grandparent) -> {
            if (!n.is("identifier")) {
                return true;
            }
            String name = keyword(text, n.start(), n.end());
            if (name != null && (!name.equals("or") || orMisused(parent, grandparent, n))) {
                out.add(Diagnostic.error(n.range(), NixSyntaxDiagnostics.SOURCE, NixSyntaxDiagnostics.STAGE,
                        DiagnosticCodes.NIX_KEYWORD_AS_NAME, "`" + name + "` is a keyword and cannot be used as a name here"
                                + (name.equals("or") ? "" : "; quote it (\"" + name + "\") as an attribute name")));
            }
            return false;
        });
        return out;
    }

    /** Whether {@code word} is a Nix keyword or {@code or} (also: the type of tree-sitter's keyword tokens). */
    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
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

    /** Nix's {@code expr_simple}: what {@code or} may follow as an application ({@code expr_simple OR_KW}). */
    private static final java.util.Set<String> SIMPLE = java.util.Set.of("variable_expression", "integer_expression",
            "float_expression", "string_expression", "indented_string_expression", "path_expression", "hpath_expression",
            "spath_expression", "uri_expression", "parenthesized_expression", "attrset_expression",
            "let_attrset_expression", "rec_attrset_expression", "list_expression");

    /** Whether the list element before {@code element} is a simple expression other than the variable {@code or}. */
    private static boolean followsSimpleElement(SyntaxNode list, SyntaxNode element) {
        SyntaxNode previous = null;
        for (SyntaxNode e : list.children("element")) {
            if (e.equals(element)) {
                break;
            }
            previous = e;
        }
        return previous != null && previous.end() <= element.start() && SIMPLE.contains(previous.type())
                && !(previous.is("variable_expression") && previous.child("name").map(n -> n.end() - n.start() == 2
                        && (n.flags() & SyntaxNode.HAS_KEYWORD_NAME) != 0).orElse(false));
    }

    private static boolean orMisused(SyntaxNode parent, SyntaxNode grandparent, SyntaxNode id) {
        if (parent == null) {
            return false;
        }
        if (parent.is("variable_expression")) {
            // `f or` is accepted for backwards compatibility: `or` as the argument of an application,
            // and in a list right after a simple expression, which it applies to (`[ f or ]` is `[ (f or) ]`)
            if (grandparent != null && grandparent.is("list_expression")) {
                return !followsSimpleElement(grandparent, parent);
            }
            return grandparent == null || !grandparent.is("apply_expression")
                    || grandparent.child("argument").map(a -> a.start() != parent.start()).orElse(true);
        }
        return parent.is("formal") || parent.is("function_expression");
    }
}
