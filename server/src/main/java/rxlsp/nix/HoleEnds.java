package rxlsp.nix;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rxlsp.text.TextRange;

/**
 * Where an interpolation {@code ${…}} that starts at a given offset ends. The parse tree knows (the
 * expression inside may hold braces and strings); without a tree, or where the tree has no
 * interpolation there (broken input), braces are counted, which is only a best effort.
 */
final class HoleEnds {
    private final Map<Integer, Integer> known;

    private HoleEnds(Map<Integer, Integer> known) {
        this.known = known;
    }

    static HoleEnds of(List<TextRange> holes) {
        Map<Integer, Integer> m = new HashMap<>();
        for (TextRange h : holes) {
            m.put(h.start(), h.end());
        }
        return new HoleEnds(m);
    }

    /** Interpolations known from the children of a string node. */
    static HoleEnds ofChildren(SyntaxNode string) {
        Map<Integer, Integer> m = new HashMap<>();
        for (SyntaxNode c : string.children()) {
            if (c.is("interpolation")) {
                m.put(c.start(), c.end());
            }
        }
        return new HoleEnds(m);
    }

    /** The end of the interpolation opened by the {@code ${} at {@code start}, at most {@code limit}. */
    int endOf(String text, int start, int limit) {
        Integer end = known.get(start);
        if (end != null) {
            return Math.min(end, limit);
        }
        int depth = 0;
        for (int i = start + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return limit;
    }
}
