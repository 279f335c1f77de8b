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
 * by count and by the characters of the texts kept (least recently used entries go first; large texts
 * are not kept) and thread-safe; parse results are immutable.
 */
public final class MclParseCache {
    private static final int MAX_ENTRIES = 4_096;

    private record Key(String text, Dialect dialect) {
    }

    /** All cached texts together at most this many characters (their parse results are a few times that). */
    private static final long MAX_TOTAL_CHARS = 16L << 20;

    private long totalChars; // guarded by entries

    private final Map<Key, MclParseResult> entries = new LinkedHashMap<>(256, 0.75f, true);

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

    /**
     * Texts longer than this are parsed without being kept: the cache is for the many small fragments
     * of a configuration, which come back unchanged; a large text is a version of one big document,
     * which the next keystroke replaces (kept, 10 MB versions filled the heap in a few edits).
     */
    static final int MAX_CACHED_CHARS = 256 << 10;

    public MclParseResult parse(String text, Dialect dialect) {
        if (text.length() > MAX_CACHED_CHARS) {
            return MclFrontEnd.parse(text, dialect);
        }
        Key key = new Key(text, dialect);
        synchronized (entries) {
            MclParseResult cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        MclParseResult parsed = MclFrontEnd.parse(text, dialect);
        synchronized (entries) {
            if (entries.put(key, parsed) == null) {
                totalChars += text.length();
            }
            var eldest = entries.entrySet().iterator();
            while ((entries.size() > MAX_ENTRIES || totalChars > MAX_TOTAL_CHARS) && eldest.hasNext()) {
                totalChars -= eldest.next().getKey().text().length();
                eldest.remove();
            }
        }
        return parsed;
    }
}
