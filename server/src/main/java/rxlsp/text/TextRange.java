package rxlsp.text;

/**
 * A half-open range {@code [start, end)} of a text, in UTF-16 code units (Java {@code String}
 * indexes). This is the one offset model inside rx-lsp; line/column forms exist only at the edges.
 */
public record TextRange(int start, int end) implements Comparable<TextRange> {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public static TextRange at(int offset) {
        return new TextRange(offset, offset);
    }

    /** The same range {@code by} units later (earlier when negative). */
    public TextRange shifted(int by) {
        return by == 0 ? this : new TextRange(start + by, end + by);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** True when the ranges share at least one position, or touch (an empty range at an end counts). */
    public boolean touches(TextRange other) {
        return start <= other.end && other.start <= end;
    }

    public TextRange cover(TextRange other) {
        return new TextRange(Math.min(start, other.start), Math.max(end, other.end));
    }

    @Override
    public int compareTo(TextRange o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
