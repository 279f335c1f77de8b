package rxlsp.nix;

/**
 * One run of a Nix string literal's source and the part of its decoded value it produces. A string's
 * segments are contiguous and in order both in the source and in the value, so either side can be
 * binary-searched.
 *
 * @param kind        what the run is, which decides how positions inside it map
 * @param sourceStart start in the file (UTF-16 code units)
 * @param sourceEnd   end in the file
 * @param valueStart  start in the decoded value
 * @param valueEnd    end in the decoded value (equal to valueStart for runs that produce nothing)
 */
public record StringSegment(Kind kind, int sourceStart, int sourceEnd, int valueStart, int valueEnd) {
    public enum Kind {
        /** Characters that stand for themselves: offsets map one to one. */
        VERBATIM,
        /** An escape or a normalised line break: a unit, never split. */
        ESCAPE,
        /** Leading spaces removed by indentation stripping (and an escaped space removed the same way). */
        INDENT,
        /** Spaces and the line break right after an opening {@code ''}: not part of any value line. */
        OPENER,
        /** The last line of spaces before the closing {@code ''}, which Nix drops. */
        DROPPED,
        /** A Nix interpolation {@code ${…}}: its source text is copied into the value one to one. */
        HOLE
    }

    public int sourceLength() {
        return sourceEnd - sourceStart;
    }

    public int valueLength() {
        return valueEnd - valueStart;
    }

    /** True when each offset inside maps to the same offset inside on the other side. */
    public boolean oneToOne() {
        return kind == Kind.VERBATIM || kind == Kind.HOLE;
    }
}
