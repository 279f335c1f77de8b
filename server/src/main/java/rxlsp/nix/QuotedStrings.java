package rxlsp.nix;

/**
 * Nix's rules for {@code "…"} strings (reference §7.2): backslash escapes, raw CR and CR LF read as
 * LF, {@code ${} opening an interpolation unless its {@code $} is the second of a {@code $$} pair.
 */
final class QuotedStrings {
    private QuotedStrings() {
    }

    /**
     * Decodes from {@code from} up to {@code limit}, or up to the closing quote when {@code stopAtClose}.
     *
     * @return the offset where the content ended
     */
    static int decode(String text, int from, int limit, boolean stopAtClose, HoleEnds holes, SegmentTableBuilder out) {
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            char next = i + 1 < limit ? text.charAt(i + 1) : 0;
            if (c == '"' && stopAtClose) {
                return i;
            }
            if (c == '\\' && i + 1 < limit) {
                out.add(StringSegment.Kind.ESCAPE, i, i + 2, String.valueOf(unescaped(next)));
                i += 2;
            } else if (c == '$' && next == '{') {
                int end = holes.endOf(text, i, limit);
                out.add(StringSegment.Kind.HOLE, i, end, text.substring(i, end));
                i = end;
            } else if (c == '$' && next == '$') {
                out.verbatim(i, i + 2); // a pair: the second $ cannot open an interpolation
                i += 2;
            } else if (c == '\r') {
                int end = next == '\n' ? i + 2 : i + 1;
                out.add(StringSegment.Kind.ESCAPE, i, end, "\n");
                i = end;
            } else {
                int end = i + 1;
                while (end < limit && !special(text.charAt(end))) {
                    end++;
                }
                out.verbatim(i, end);
                i = end;
            }
        }
        return limit;
    }

    /** A character that may start something other than plain text. */
    private static boolean special(char c) {
        return c == '"' || c == '\\' || c == '$' || c == '\r';
    }

    /** Nix's {@code unescapeStr} for the character after a backslash. */
    static char unescaped(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        };
    }
}
