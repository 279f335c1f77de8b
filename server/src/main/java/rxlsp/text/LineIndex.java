package rxlsp.text;

import java.util.Arrays;

/**
 * Line starts of one text, for converting between offsets and line/column positions.
 * Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as LSP defines them.
 */
public final class LineIndex {
    private final String text;
    private final int[] lineStarts;

    private LineIndex(String text, int[] lineStarts) {
        this.text = text;
        this.lineStarts = lineStarts;
    }

    public static LineIndex of(String text) {
        int[] starts = new int[16];
        int count = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(text, Arrays.copyOf(starts, count));
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** The offset just past the line's content, before its line break. */
    public int lineContentEnd(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** The 0-based line holding {@code offset} (clamped to the text). */
    public int lineOf(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int i = Arrays.binarySearch(lineStarts, o);
        return i >= 0 ? i : -i - 2;
    }

    public LineColumn position(int offset, PositionEncoding encoding) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(o);
        int start = lineStarts[line];
        return new LineColumn(line, columnWidth(start, o, encoding));
    }

    /**
     * The offset of a line/column position. Columns past the end of the line clamp to its end, lines
     * past the end clamp to the end of the text, as LSP asks; a column inside a surrogate pair or
     * a UTF-8 sequence rounds down to the character's start.
     */
    public int offset(int line, int column, PositionEncoding encoding) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        int end = lineContentEnd(line);
        if (encoding == PositionEncoding.UTF16) {
            int o = Math.min(start + Math.max(0, column), end);
            if (o > start && o < end && Character.isLowSurrogate(text.charAt(o)) && Character.isHighSurrogate(text.charAt(o - 1))) {
                o--;
            }
            return o;
        }
        int remaining = Math.max(0, column);
        int o = start;
        while (o < end) {
            int cp = text.codePointAt(o);
            int w = width(cp, encoding);
            if (w > remaining) {
                break;
            }
            remaining -= w;
            o += Character.charCount(cp);
        }
        return o;
    }

    private int columnWidth(int from, int to, PositionEncoding encoding) {
        if (encoding == PositionEncoding.UTF16) {
            return to - from;
        }
        int width = 0;
        int o = from;
        while (o < to) {
            int cp = text.codePointAt(o);
            width += width(cp, encoding);
            o += Character.charCount(cp);
        }
        return width;
    }

    private static int width(int codePoint, PositionEncoding encoding) {
        if (encoding == PositionEncoding.UTF32) {
            return 1;
        }
        if (encoding == PositionEncoding.UTF16) {
            return Character.charCount(codePoint);
        }
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
