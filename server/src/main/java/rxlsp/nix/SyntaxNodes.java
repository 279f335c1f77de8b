package rxlsp.nix;

import java.util.List;

/** Operations that build new {@link SyntaxNode}s from existing ones. */
final class SyntaxNodes {
    private SyntaxNodes() {
    }

    /** {@code node} shifted by {@code delta} offsets, filling {@code field} in its new parent. */
    static SyntaxNode moved(SyntaxNode node, int delta, String field) {
        if (delta == 0) {
            return field == null ? (node.field() == null ? node : withField(node, null))
                    : field.equals(node.field()) ? node : withField(node, field);
        }
        return shift(node, delta, field);
    }

    private static SyntaxNode withField(SyntaxNode n, String field) {
        return new SyntaxNode(n.type(), field, n.start(), n.end(), n.flags(), n.children());
    }

    private static SyntaxNode shift(SyntaxNode n, int delta, String field) {
        List<SyntaxNode> kids = n.children();
        int count = kids.size();
        if (count > 0) {
            SyntaxNode[] moved = new SyntaxNode[count];
            for (int i = 0; i < count; i++) {
                SyntaxNode k = kids.get(i);
                moved[i] = shift(k, delta, k.field());
            }
            kids = NodeList.wrap(moved);
        }
        return new SyntaxNode(n.type(), field, n.start() + delta, n.end() + delta, n.flags(), kids);
    }
}
