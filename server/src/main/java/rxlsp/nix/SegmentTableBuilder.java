package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.TextRange;

/** Collects a string's segments and value in order, merging neighbouring runs of the same kind. */
final class SegmentTableBuilder {
    private final String text;
    private final List<StringSegment> segments = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();

    SegmentTableBuilder(String text) {
        this.text = text;
    }

    /** Appends {@code [start, end)} of the file, producing {@code produced} in the value. */
    void add(StringSegment.Kind kind, int start, int end, CharSequence produced) {
        if (end <= start) {
            return;
        }
        int v = value.length();
        value.append(produced);
        // escapes and holes stay units; runs of the other kinds merge so the table stays small
        boolean mergeable = kind != StringSegment.Kind.ESCAPE && kind != StringSegment.Kind.HOLE;
        if (mergeable && !segments.isEmpty()) {
            StringSegment last = segments.getLast();
            if (last.kind() == kind && last.sourceEnd() == start) {
                segments.set(segments.size() - 1,
                        new StringSegment(kind, last.sourceStart(), end, last.valueStart(), value.length()));
                return;
            }
        }
        segments.add(new StringSegment(kind, start, end, v, value.length()));
    }

    /** Appends file text that stands for itself. */
    void verbatim(int start, int end) {
        add(StringSegment.Kind.VERBATIM, start, end, text.subSequence(start, end));
    }

    /** Appends file text that produces nothing. */
    void skip(StringSegment.Kind kind, int start, int end) {
        add(kind, start, end, "");
    }

    DecodedString build(boolean indented, int minIndent, int contentStart, int contentEnd, boolean terminated) {
        return new DecodedString(value.toString(), indented, minIndent, new TextRange(contentStart, contentEnd),
                terminated, text.substring(contentStart, contentEnd), segments);
    }
}
