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
        Starts starts = new Starts(16);
        starts.add(0);
        starts.scan(text, 0, text.length());
        return new LineIndex(text, starts.toArray());
    }

    /**
     * The index of the text this one's text becomes by {@code edit} ({@code newText} is that text):
     * only the lines the edit touches are scanned again, the starts after them are moved. For a
     * keystroke in a 10 MB file that is a copy of the line starts instead of a scan of every character.
     */
    public LineIndex edited(TextEdit edit, String newText) {
        int delta = edit.newText().length() - (edit.end() - edit.start());
        // from the start of the line before the edit: a \r just before it may pair with a \n it types
        int firstLine = lineOf(Math.max(0, edit.start() - 1));
        int from = lineStarts[firstLine];
        // up to the first start with both characters around it after the edit: unchanged, so a start
        // in the new text too, found by the scan; the starts after it are only moved
        int k = Arrays.binarySearch(lineStarts, edit.end() + 2);
        k = k >= 0 ? k : -k - 1;
        int to = k < lineStarts.length ? lineStarts[k] + delta : newText.length();
        Starts starts = new Starts(lineStarts.length + 16);
        starts.addAll(lineStarts, 0, firstLine + 1);
        starts.scan(newText, from, to);
        for (int i = k + 1; i < lineStarts.length; i++) {
            starts.add(lineStarts[i] + delta);
        }
        return new LineIndex(newText, starts.toArray());
    }

    /** A growing list of line starts. */
    private static final class Starts {
        private int[] values;
        private int size;

        Starts(int capacity) {
            values = new int[capacity];
        }

        void add(int start) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = start;
        }

        void addAll(int[] from, int begin, int end) {
            for (int i = begin; i < end; i++) {
                add(from[i]);
            }
        }

        /** Adds the start after every line break that begins in {@code [from, to)} of {@code text}. */
        void scan(String text, int from, int to) {
            int n = text.length();
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    add(i + 1);
                }
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
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
