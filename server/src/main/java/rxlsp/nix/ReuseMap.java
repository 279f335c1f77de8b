package rxlsp.nix;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Native subtree id to its {@link TreeCopier.Reusable} copy, for the subtrees of the last tree a
 * parser copied: an open-addressing hash map on primitive {@code long} keys (a reparse looks up
 * tens of thousands of ids; boxing each was a third of an edit's copy time). Ids are addresses,
 * never 0, so 0 marks a free slot.
 *
 * <p>The map is updated in place after each reparse instead of being built anew: each entry is
 * marked with the copy that last met it ({@link #reuse}), the copy adds its new subtrees, and
 * {@link #prune} then removes what the new tree no longer has, found from the top of the old tree
 * down to the subtrees that were reused. A subtree's id is valid only while the tree holding it is
 * alive; a removed one's memory may be reused by tree-sitter for another subtree, which is why
 * every dead id must go. Not thread-safe; one belongs to one {@link NixParser}.
 */
final class ReuseMap {
    private static final long[] NONE = new long[0];

    private long[] keys;
    private TreeCopier.Reusable[] values;
    /** The copy (epoch) that last reused or added each entry. */
    private int[] marks;
    private int size;
    /** The nearest kept subtrees under the root of the tree this map describes. */
    private long[] tops = NONE;

    ReuseMap() {
        keys = new long[16];
        values = new TreeCopier.Reusable[16];
        marks = new int[16];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The copy of subtree {@code id}, marked as met by copy {@code epoch}, or null. */
    TreeCopier.Reusable reuse(long id, int epoch) {
        int i = find(id);
        if (i < 0) {
            return null;
        }
        marks[i] = epoch;
        return values[i];
    }

    /** Adds a subtree copy {@code epoch} made. */
    void add(long id, TreeCopier.Reusable value, int epoch) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(id, mask);
        while (keys[i] != 0 && keys[i] != id) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = id;
        values[i] = value;
        marks[i] = epoch;
    }

    /**
     * After copy {@code epoch}: removes every subtree of the old tree that the new one does not
     * hold, and makes {@code newTops} the entry points for the next prune. From the old tree's
     * top kept subtrees down, an entry the copy met is alive with everything inside it; any other
     * is dead, and the subtrees inside it are looked at in turn.
     */
    void prune(int epoch, long[] newTops) {
        ArrayDeque<long[]> todo = new ArrayDeque<>();
        todo.push(tops);
        while (!todo.isEmpty()) {
            for (long id : todo.pop()) {
                int i = find(id);
                if (i < 0 || marks[i] == epoch) {
                    continue;
                }
                TreeCopier.Reusable dead = values[i];
                removeAt(i);
                todo.push(dead.inner());
            }
        }
        tops = newTops;
    }

    /**
     * How many entries are reachable from the tops through the copies' inner lists: all of them,
     * when no dead subtree was left behind (tests).
     */
    int reachable() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        ArrayDeque<long[]> todo = new ArrayDeque<>();
        todo.push(tops);
        while (!todo.isEmpty()) {
            for (long id : todo.pop()) {
                int i = find(id);
                if (i >= 0 && seen.add(id)) {
                    todo.push(values[i].inner());
                }
            }
        }
        return seen.size();
    }

    private int find(long id) {
        int mask = keys.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == id) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** Linear probing's deletion: later entries of the same run move back into the hole. */
    private void removeAt(int hole) {
        int mask = keys.length - 1;
        keys[hole] = 0;
        values[hole] = null;
        size--;
        for (int i = (hole + 1) & mask; keys[i] != 0; i = (i + 1) & mask) {
            int home = slot(keys[i], mask);
            // the entry at i may fill the hole if its home slot is not in (hole, i], cyclically
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                marks[hole] = marks[i];
                keys[i] = 0;
                values[i] = null;
                hole = i;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        TreeCopier.Reusable[] oldValues = values;
        int[] oldMarks = marks;
        keys = new long[oldKeys.length * 2];
        values = new TreeCopier.Reusable[oldKeys.length * 2];
        marks = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                add(oldKeys[i], oldValues[i], oldMarks[i]);
            }
        }
        Arrays.fill(oldValues, null);
    }

    private static int slot(long id, int mask) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
