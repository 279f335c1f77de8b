package rxlsp.nix;

import java.util.List;
import java.util.OptionalInt;
import rxlsp.text.TextRange;

/**
 * The value of a Nix string literal as Nix evaluates it, with a map between value offsets and file
 * offsets. An interpolation {@code ${…}} appears in the value as its own Nix source text and is listed
 * as a {@link Hole}: its value is unknown here.
 *
 * <p>Mapping choices (reference §7.5): a value offset inside an escape maps to the escape's start;
 * {@code value().length()} maps to the end of the content. A file offset inside an escape maps to
 * the escape's value start; inside stripped indentation to the start of its value line; inside the
 * dropped last line to the end of the value (that is where text typed there would go); inside the
 * spaces and line break after an opening {@code ''} to nothing, because that text belongs to no
 * value line. Lookups are binary searches over the segment table.
 */
public final class DecodedString {
    /** A Nix interpolation: the same text at {@code value} in the value and at {@code source} in the file. */
    public record Hole(TextRange value, TextRange source) {
    }

    private final String value;
    private final boolean indented;
    private final int minIndent;
    private final TextRange content;
    private final boolean terminated;
    private final String contentSource;
    private final List<StringSegment> segments;
    private final List<Hole> holes;
    /** Indexes into {@link #segments} of those that produce value text, in value order. */
    private final int[] valueBearing;

    DecodedString(String value, boolean indented, int minIndent, TextRange content, boolean terminated,
            String contentSource, List<StringSegment> segments) {
        this.value = value;
        this.indented = indented;
        this.minIndent = minIndent;
        this.content = content;
        this.terminated = terminated;
        this.contentSource = contentSource;
        this.segments = List.copyOf(segments);
        this.holes = this.segments.stream().filter(s -> s.kind() == StringSegment.Kind.HOLE)
                .map(s -> new Hole(new TextRange(s.valueStart(), s.valueEnd()), new TextRange(s.sourceStart(), s.sourceEnd())))
                .toList();
        this.valueBearing = java.util.stream.IntStream.range(0, this.segments.size())
                .filter(i -> this.segments.get(i).valueLength() > 0).toArray();
    }

    /** The decoded value, holes written as their Nix source. */
    public String value() {
        return value;
    }

    public List<Hole> holes() {
        return holes;
    }

    /** True when the value is fully known: no interpolation. */
    public boolean isComplete() {
        return holes.isEmpty();
    }

    /** True for {@code ''…''}, false for {@code "…"}. */
    public boolean indented() {
        return indented;
    }

    /**
     * The number of leading spaces stripped from each line of an indented string; 0 for {@code "…"};
     * {@link Integer#MAX_VALUE} when no line counts (every line then loses all its leading spaces).
     */
    public int minIndent() {
        return minIndent;
    }

    /** The file range between the quotes (up to the end of the text for an unterminated string). */
    public TextRange contentRange() {
        return content;
    }

    /** False when the string has no closing quote. */
    public boolean terminated() {
        return terminated;
    }

    /** The file text of {@link #contentRange()}. */
    public String contentSource() {
        return contentSource;
    }

    /** The segment table, in source (and value) order. */
    public List<StringSegment> segments() {
        return segments;
    }

    /** The file offset of a value offset in {@code [0, value().length()]}. */
    public int toSource(int valueOffset) {
        if (valueOffset < 0 || valueOffset > value.length()) {
            throw new IndexOutOfBoundsException("value offset " + valueOffset + " outside [0, " + value.length() + "]");
        }
        StringSegment s = valueSegment(valueOffset);
        if (s == null) {
            return content.end();
        }
        return s.oneToOne() ? s.sourceStart() + (valueOffset - s.valueStart()) : s.sourceStart();
    }

    /** The file range of a value range; escapes the ends fall into are covered whole. */
    public TextRange toSource(TextRange valueRange) {
        int start = toSource(valueRange.start());
        if (valueRange.length() == 0) {
            return TextRange.at(start);
        }
        StringSegment last = valueSegment(valueRange.end() - 1);
        int end = last.oneToOne() ? last.sourceStart() + (valueRange.end() - last.valueStart()) : last.sourceEnd();
        return new TextRange(start, end);
    }

    /** The value offset of a file offset, or empty outside the content or in the opener's line break. */
    public OptionalInt toValue(int sourceOffset) {
        if (sourceOffset < content.start() || sourceOffset > content.end()) {
            return OptionalInt.empty();
        }
        StringSegment s = sourceSegment(sourceOffset);
        if (s == null) {
            return OptionalInt.of(value.length());
        }
        return switch (s.kind()) {
            case OPENER -> OptionalInt.empty();
            case VERBATIM, HOLE -> OptionalInt.of(s.valueStart() + (sourceOffset - s.sourceStart()));
            default -> OptionalInt.of(s.valueStart());
        };
    }

    /** The segment producing the value character at {@code v}, or null at the end of the value. */
    StringSegment valueSegment(int v) {
        return find(valueBearing.length, i -> segments.get(valueBearing[i]), v, true);
    }

    /** The segment holding the file character at {@code offset}, or null at or past the content end. */
    StringSegment sourceSegment(int offset) {
        return find(segments.size(), segments::get, offset, false);
    }

    /** Binary search over {@code n} segments in order, for the one whose value or source range holds {@code at}. */
    private static StringSegment find(int n, java.util.function.IntFunction<StringSegment> segment, int at, boolean value) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            StringSegment s = segment.apply(mid);
            if (at < (value ? s.valueStart() : s.sourceStart())) {
                hi = mid - 1;
            } else if (at >= (value ? s.valueEnd() : s.sourceEnd())) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }
}
