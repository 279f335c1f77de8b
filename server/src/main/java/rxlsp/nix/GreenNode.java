package rxlsp.nix;

/**
 * The position-free part of a syntax tree node: its type, width, flags and children, each child with
 * its offset from this node's start and the field it fills here. A subtree tree-sitter reuses after
 * an edit is the same {@code GreenNode} in the old and the new tree wherever the edit moved it, so a
 * reparse builds new green nodes only along the edit; {@link SyntaxNode} adds the absolute start.
 * Immutable once built; the arrays are owned by the node and never written after construction.
 */
final class GreenNode {
    private static final GreenNode[] NO_CHILDREN = new GreenNode[0];
    private static final int[] NO_OFFSETS = new int[0];

    final String type;
    final int width;
    final int flags;
    final GreenNode[] children;
    /** Each child's start minus this node's start. */
    final int[] offsets;
    /** The field each child fills, or null when none does. */
    final String[] fields;

    GreenNode(String type, int width, int flags, GreenNode[] children, int[] offsets, String[] fields) {
        this.type = type;
        this.width = width;
        this.flags = flags;
        this.children = children.length == 0 ? NO_CHILDREN : children;
        this.offsets = children.length == 0 ? NO_OFFSETS : offsets;
        this.fields = fields;
    }

    static GreenNode leaf(String type, int width, int flags) {
        return new GreenNode(type, width, flags, NO_CHILDREN, NO_OFFSETS, null);
    }

    String field(int child) {
        return fields == null ? null : fields[child];
    }
}
