package rxlsp.nix;

import java.util.Arrays;

/**
 * Hash-consing of green nodes while one tree is copied: a node equal to one already made (same
 * type, width, flags, and the same children at the same offsets in the same fields) is that node.
 * Green nodes hold no text and no position, so every {@code ;}, every 5-character identifier and
 * every {@code x = 1;} binding of the same shape is one object: a 10 MB module of 2.3 million
 * nodes is about a hundred thousand distinct ones (leaves alone: a few hundred), which is what
 * keeps a big file's tree small and its copy out of the garbage collector's way.
 *
 * <p>Nodes with more than {@link #MAX_CHILDREN} children are made afresh: they seldom repeat.
 * One cache serves one copy (it is dropped afterwards, so it holds nothing for long); not
 * thread-safe.
 */
final class GreenCache {
    static final int MAX_CHILDREN = 8;

    private GreenNode[] table = new GreenNode[1 << 10];
    private int size;

    /** The leaf of this type, width and flags. */
    GreenNode leaf(String type, int width, int flags) {
        return node(type, width, flags, null, null, null, 0);
    }

    /**
     * The node with these parts; the arrays (of which the first {@code count} entries count) are
     * copied when a new node is made, so the caller may reuse them.
     */
    GreenNode node(String type, int width, int flags, GreenNode[] children, int[] offsets, String[] fields, int count) {
        if (count > MAX_CHILDREN) {
            return make(type, width, flags, children, offsets, fields, count);
        }
        int hash = hash(type, width, flags, children, offsets, fields, count);
        int mask = table.length - 1;
        int i = hash & mask;
        for (GreenNode n; (n = table[i]) != null; i = (i + 1) & mask) {
            if (same(n, type, width, flags, children, offsets, fields, count)) {
                return n;
            }
        }
        GreenNode made = make(type, width, flags, children, offsets, fields, count);
        table[i] = made;
        if (++size * 2 > table.length) {
            grow();
        }
        return made;
    }

    private static GreenNode make(String type, int width, int flags, GreenNode[] children, int[] offsets, String[] fields, int count) {
        if (count == 0) {
            return GreenNode.leaf(type, width, flags);
        }
        // new arrays and arraycopy: the generic Arrays.copyOf(T[]) goes through reflection under C1
        GreenNode[] childrenCopy = new GreenNode[count];
        System.arraycopy(children, 0, childrenCopy, 0, count);
        String[] fieldsCopy = null;
        if (fields != null) {
            fieldsCopy = new String[count];
            System.arraycopy(fields, 0, fieldsCopy, 0, count);
        }
        return new GreenNode(type, width, flags, childrenCopy, Arrays.copyOf(offsets, count), fieldsCopy);
    }

    private static int hash(String type, int width, int flags, GreenNode[] children, int[] offsets, String[] fields, int count) {
        int h = type.hashCode() * 31 + width;
        h = h * 31 + flags;
        for (int i = 0; i < count; i++) {
            h = h * 31 + System.identityHashCode(children[i]);
            h = h * 31 + offsets[i];
            h = h * 31 + (fields == null || fields[i] == null ? 0 : fields[i].hashCode());
        }
        return h ^ (h >>> 16);
    }

    private static boolean same(GreenNode n, String type, int width, int flags, GreenNode[] children, int[] offsets,
                                String[] fields, int count) {
        if (n.width != width || n.flags != flags || n.children.length != count || !n.type.equals(type)) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (n.children[i] != children[i] || n.offsets[i] != offsets[i]
                    || !java.util.Objects.equals(n.field(i), fields == null ? null : fields[i])) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        GreenNode[] old = table;
        table = new GreenNode[old.length * 2];
        int mask = table.length - 1;
        for (GreenNode n : old) {
            if (n != null) {
                int i = hash(n.type, n.width, n.flags, n.children, n.offsets, n.fields, n.children.length) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = n;
            }
        }
    }
}
