package rxlsp.nix;

import java.util.Arrays;

/**
 * Native subtree id to its {@link TreeCopier.Reusable} copy: an open-addressing hash map on
 * primitive {@code long} keys. A reparse looks up and carries over thousands of ids; a
 * {@code HashMap<Long, …>} boxing each one was a third of an edit's copy time. Ids are addresses,
 * never 0, so 0 marks a free slot. Not thread-safe; one belongs to one {@link NixParser}.
 */
final class ReuseMap {
    private long[] keys;
    private TreeCopier.Reusable[] values;
    private int size;

    ReuseMap() {
        this(16);
    }

    ReuseMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new TreeCopier.Reusable[capacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    TreeCopier.Reusable get(long id) {
        int mask = keys.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == id) {
                return values[i];
            }
            if (k == 0) {
                return null;
            }
        }
    }

    void put(long id, TreeCopier.Reusable value) {
        insert(id, value, true);
    }

    /** Puts {@code value} unless {@code id} is present; returns whether it was put. */
    boolean putIfAbsent(long id, TreeCopier.Reusable value) {
        return insert(id, value, false);
    }

    private boolean insert(long id, TreeCopier.Reusable value, boolean replace) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(id, mask); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == id) {
                if (replace) {
                    values[i] = value;
                }
                return replace;
            }
            if (k == 0) {
                keys[i] = id;
                values[i] = value;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        TreeCopier.Reusable[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new TreeCopier.Reusable[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldValues[i], true);
            }
        }
        Arrays.fill(oldValues, null);
    }

    private static int slot(long id, int mask) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
