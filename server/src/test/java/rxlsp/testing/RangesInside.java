package rxlsp.testing;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import rxlsp.text.TextRange;

/**
 * Asserts that every {@link TextRange} reachable from a result (through records, collections,
 * maps and optionals) lies inside a text of a given length with its start at or before its end:
 * the property every fuzz target checks of what it analysed.
 */
public final class RangesInside {
    private RangesInside() {
    }

    public static void check(Object root, int length) {
        walk(root, length, new IdentityHashMap<>(), "$");
    }

    private static void walk(Object o, int length, Map<Object, Boolean> seen, String path) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        switch (o) {
            case TextRange r -> {
                if (r.start() < 0 || r.start() > r.end() || r.end() > length) {
                    throw new AssertionError("range " + r + " at " + path + " is not inside a text of length " + length);
                }
            }
            case Collection<?> c -> {
                int i = 0;
                for (Object e : c) {
                    walk(e, length, seen, path + "[" + i++ + "]");
                }
            }
            case Map<?, ?> m -> m.forEach((k, v) -> {
                walk(k, length, seen, path + ".key");
                walk(v, length, seen, path + "." + k);
            });
            case Optional<?> opt -> opt.ifPresent(v -> walk(v, length, seen, path));
            case Record r -> {
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        c.getAccessor().setAccessible(true);
                        walk(c.getAccessor().invoke(r), length, seen, path + "." + c.getName());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            default -> {
            }
        }
    }
}
