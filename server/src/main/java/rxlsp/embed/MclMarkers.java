package rxlsp.embed;

import java.util.ArrayDeque;
import java.util.Deque;
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

    static void find(SyntaxNode root, String text, List<FragmentSite> into) {
        Deque<SyntaxNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SyntaxNode node = stack.pop();
            List<SyntaxNode> children = node.children();
            for (int i = 0; i < children.size(); i++) {
                SyntaxNode c = children.get(i);
                if (c.is("comment") && i + 1 < children.size() && MARKER.matcher(c.text(text).strip()).matches()) {
                    SyntaxNode next = children.get(i + 1);
                    if (next.is("string_expression") || next.is("indented_string_expression")) {
                        into.add(new FragmentSite(FragmentRole.MARKED, null, null, next, null, false, next,
                                Priority.PLAIN));
                    }
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                if (!children.get(i).children().isEmpty()) {
                    stack.push(children.get(i));
                }
            }
        }
    }
}
