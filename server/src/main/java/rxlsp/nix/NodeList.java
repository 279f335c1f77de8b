package rxlsp.nix;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The children of a {@link SyntaxNode}: an unmodifiable list over an array that nothing else holds.
 * Trees are built and moved on every keystroke; {@code List.copyOf} of a builder list copies the
 * elements twice, this wraps the one array the builder filled.
 */
final class NodeList extends AbstractList<SyntaxNode> implements RandomAccess {
    private final SyntaxNode[] nodes;

    private NodeList(SyntaxNode[] nodes) {
        this.nodes = nodes;
    }

    /** A list over {@code owned}, which the caller hands over and never writes again. */
    static List<SyntaxNode> wrap(SyntaxNode[] owned) {
        return owned.length == 0 ? List.of() : new NodeList(owned);
    }

    @Override
    public SyntaxNode get(int index) {
        return nodes[index];
    }

    @Override
    public int size() {
        return nodes.length;
    }
}
