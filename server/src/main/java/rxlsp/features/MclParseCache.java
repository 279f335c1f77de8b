package rxlsp.features;

import java.util.LinkedHashMap;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;

/**
 * Parses of MCL texts, kept by text: after a keystroke in one raw block of a configuration, the
 * other blocks are the same strings as before and need no new parse. Bounded (least recently used
 * entries go first) and thread-safe; parse results are immutable.
 */
public final class MclParseCache {
    private static final int MAX_ENTRIES = 4_096;

    private record Key(String text, Dialect dialect) {
    }

    private final Map<Key, MclParseResult> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, MclParseResult> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public MclParseResult parse(String text, Dialect dialect) {
        Key key = new Key(text, dialect);
        synchronized (entries) {
            MclParseResult cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MclParseResult parsed = MclFrontEnd.parse(text, dialect);
        synchronized (entries) {
            entries.put(key, parsed);
        }
        return parsed;
    }
}
