package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;

/** Finding nodes in a Nix syntax tree by position. */
public final class NixNodes {
    private NixNodes() {
    }

    /**
     * The nodes containing {@code offset}, the root first, down to the innermost. A node contains the
     * offsets from its start up to and including its end (a cursor right after a name is on it); a
     * node starting at the offset wins over one ending there. Extras (comments) count as nodes.
     */
    public static List<SyntaxNode> pathAt(SyntaxNode root, int offset) {
        List<SyntaxNode> path = new ArrayList<>();
        SyntaxNode at = root;
        while (at != null) {
            path.add(at);
            SyntaxNode next = null;
            for (SyntaxNode child : at.children()) {
                if (child.start() <= offset && offset < child.end()) {
                    next = child;
                    break;
                }
                if (child.end() == offset && child.start() < offset) {
                    next = child;
                }
            }
            at = next;
        }
        return path;
    }
}
