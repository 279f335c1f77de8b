package rxlsp.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclIncrementalParser;
import rxlsp.mcl.MclParseResult;

/**
 * Parses of MCL texts, kept by text: after a keystroke in one raw block of a configuration, the
 * other blocks are the same strings as before and need no new parse. The program a configuration
 * assembles is parsed incrementally from its last version (see {@link MclIncrementalParser}). Bounded
 * (least recently used entries go first) and thread-safe; parse results are immutable.
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

    private static final int MAX_PROGRAMS = 64;

    private final Map<Object, MclIncrementalParser> programs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, MclIncrementalParser> eldest) {
            return size() > MAX_PROGRAMS;
        }
    };

    /** The parse of a whole program, from the last version parsed for the same {@code program} key. */
    public MclParseResult parseProgram(Object program, String text, Dialect dialect) {
        MclIncrementalParser parser;
        synchronized (programs) {
            parser = programs.computeIfAbsent(program, k -> new MclIncrementalParser());
        }
        synchronized (parser) {
            return parser.parse(text, dialect);
        }
    }

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
