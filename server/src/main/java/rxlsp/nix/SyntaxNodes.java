package rxlsp.nix;

import java.util.ArrayList;
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
        if (!kids.isEmpty()) {
            List<SyntaxNode> moved = new ArrayList<>(kids.size());
            for (SyntaxNode k : kids) {
                moved.add(shift(k, delta, k.field()));
            }
            kids = List.copyOf(moved);
        }
        return new SyntaxNode(n.type(), field, n.start() + delta, n.end() + delta, n.flags(), kids);
    }
}
