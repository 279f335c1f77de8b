package rxlsp.nix;

/** Renders a {@link SyntaxNode} tree as an S-expression, for tests and debugging. */
public final class SyntaxTreePrinter {
    private SyntaxTreePrinter() {
    }

    /** Named nodes only, with {@code field:} prefixes, ERROR and MISSING marked, like tree-sitter's own. */
    public static String sexp(SyntaxNode node) {
        StringBuilder out = new StringBuilder();
        // iterative: trees may be deep
        java.util.ArrayDeque<Object> work = new java.util.ArrayDeque<>();
        work.push(node);
        while (!work.isEmpty()) {
            Object item = work.pop();
            if (item instanceof String s) {
                out.append(s);
                continue;
            }
            SyntaxNode n = (SyntaxNode) item;
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '(') {
                out.append(' ');
            }
            if (n.field() != null) {
                out.append(n.field()).append(": ");
            }
            if (n.isMissing()) {
                out.append("(MISSING ").append(n.type()).append(')');
                continue;
            }
            out.append('(').append(n.type());
            work.push(")");
            var kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                SyntaxNode k = kids.get(i);
                if (k.isNamed() || k.isMissing() || k.isError()) {
                    work.push(k);
                }
            }
        }
        return out.toString();
    }
}
