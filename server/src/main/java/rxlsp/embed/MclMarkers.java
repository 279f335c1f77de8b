package rxlsp.embed;

import java.util.List;
import java.util.regex.Pattern;
import rxlsp.nix.SyntaxNode;

/**
 * The editor convention for embedded languages: a comment naming the language right before a
 * string ({@code /* mcl *}{@code / ''…''} or {@code # mcl} on the line above) marks the string as a
 * program of its own.
 */
final class MclMarkers {
    private static final Pattern MARKER = Pattern.compile("(/\\*\\s*mcl\\s*\\*/|#\\s*mcl\\s*)", Pattern.CASE_INSENSITIVE);

    private MclMarkers() {
    }

    /** Adds the marked strings among the children of {@code node}. */
    static void collect(SyntaxNode node, String text, List<FragmentSite> into) {
        List<SyntaxNode> children = node.children();
        for (int i = 0; i + 1 < children.size(); i++) {
            SyntaxNode c = children.get(i);
            if (c.is("comment") && MARKER.matcher(c.text(text).strip()).matches()) {
                SyntaxNode next = children.get(i + 1);
                if (next.is("string_expression") || next.is("indented_string_expression")) {
                    into.add(new FragmentSite(FragmentRole.MARKED, null, null, next, null, false, next, 0, List.of()));
                }
            }
        }
    }
}
