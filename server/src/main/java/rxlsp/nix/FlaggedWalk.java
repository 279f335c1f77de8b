package rxlsp.nix;

import java.util.List;

/**
 * A walk over the subtrees whose nodes carry a flag the tree copy propagates upwards (such as
 * {@link SyntaxNode#HAS_KEYWORD_NAME}): the checks that run on every keystroke skip the rest of the
 * tree. Iterative, with the (node, parent, grandparent) stack kept in arrays, as broken input may
 * nest deeply.
 */
final class FlaggedWalk {
    /** What to do at one flagged node. */
    interface Visitor {
        /** @return whether to walk on into the node's flagged children */
        boolean visit(SyntaxNode node, SyntaxNode parent, SyntaxNode grandparent);
    }

    private FlaggedWalk() {
    }

    static void walk(SyntaxNode root, int flag, Visitor visitor) {
        SyntaxNode[] nodes = new SyntaxNode[64];
        SyntaxNode[] parents = new SyntaxNode[64];
        SyntaxNode[] grandparents = new SyntaxNode[64];
        int top = 0;
        nodes[top++] = root;
        while (top > 0) {
            top--;
            SyntaxNode n = nodes[top];
            SyntaxNode parent = parents[top];
            SyntaxNode grandparent = grandparents[top];
            if ((n.flags() & flag) == 0 || !visitor.visit(n, parent, grandparent)) {
                continue;
            }
            List<SyntaxNode> children = n.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                SyntaxNode c = children.get(i);
                if ((c.flags() & flag) == 0) {
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
    }
}
