package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineIndexTest {
    @Test
    void linesBreakAtLfCrlfAndLoneCr() {
        LineIndex lines = LineIndex.of("a\nb\r\nc\rd");
        assertEquals(4, lines.lineCount());
        assertEquals(new LineColumn(1, 0), lines.position(2, PositionEncoding.UTF16));
        assertEquals(new LineColumn(2, 0), lines.position(5, PositionEncoding.UTF16));
        assertEquals(new LineColumn(3, 0), lines.position(7, PositionEncoding.UTF16));
        // the \r of a \r\n belongs to its line's end, not to a line of its own
        assertEquals(new LineColumn(1, 1), lines.position(3, PositionEncoding.UTF16));
        assertEquals(3, lines.lineContentEnd(1));
    }

    @Test
    void columnsCountInTheNegotiatedEncoding() {
        // ä is 1 UTF-16 unit and 2 UTF-8 bytes; 😀 is 2 UTF-16 units, 4 UTF-8 bytes, 1 code point
        String text = "x = \"ä😀\"; y";
        LineIndex lines = LineIndex.of(text);
        int y = text.indexOf('y');
        assertEquals(new LineColumn(0, 11), lines.position(y, PositionEncoding.UTF16));
        assertEquals(new LineColumn(0, 14), lines.position(y, PositionEncoding.UTF8));
        assertEquals(new LineColumn(0, 10), lines.position(y, PositionEncoding.UTF32));
        assertEquals(y, lines.offset(0, 11, PositionEncoding.UTF16));
        assertEquals(y, lines.offset(0, 14, PositionEncoding.UTF8));
        assertEquals(y, lines.offset(0, 10, PositionEncoding.UTF32));
    }

    @Test
    void tabsAreOneColumn() {
        LineIndex lines = LineIndex.of("\t\tx");
        assertEquals(new LineColumn(0, 2), lines.position(2, PositionEncoding.UTF16));
        assertEquals(new LineColumn(0, 2), lines.position(2, PositionEncoding.UTF8));
    }

    @Test
    void positionsOutsideTheTextClamp() {
        String text = "ab\r\ncd";
        LineIndex lines = LineIndex.of(text);
        assertEquals(2, lines.offset(0, 99, PositionEncoding.UTF16), "past the line end: before its line break");
        assertEquals(text.length(), lines.offset(7, 0, PositionEncoding.UTF16));
        assertEquals(0, lines.offset(-1, 3, PositionEncoding.UTF16));
    }

    @Test
    void aColumnInsideASurrogatePairRoundsDown() {
        String text = "😀x";
        LineIndex lines = LineIndex.of(text);
        assertEquals(0, lines.offset(0, 1, PositionEncoding.UTF16));
        assertEquals(0, lines.offset(0, 2, PositionEncoding.UTF8));
        assertEquals(2, lines.offset(0, 4, PositionEncoding.UTF8));
    }

    @Test
    void roundTripsEveryOffsetInEveryEncoding() {
        String text = "a\tä\r\n😀 b\rc\n\n€x";
        LineIndex lines = LineIndex.of(text);
        for (PositionEncoding enc : PositionEncoding.values()) {
            for (int o = 0; o <= text.length(); o++) {
                boolean midPair = o > 0 && o < text.length() && Character.isLowSurrogate(text.charAt(o));
                boolean midCrlf = o > 0 && text.charAt(o - 1) == '\r' && o < text.length() && text.charAt(o) == '\n';
                if (midPair || midCrlf) {
                    continue;
                }
                LineColumn lc = lines.position(o, enc);
                assertEquals(o, lines.offset(lc.line(), lc.column(), enc), enc + " offset " + o);
            }
        }
    }

    /** An index edited line by line must equal one made from the new text, around every kind of line break. */
    @Test
    void anEditedIndexEqualsAFreshOne() {
        java.util.Random random = new java.util.Random(7);
        String[] typed = {"\n", "\r", "\r\n", "a", "é", "\n\n", "x\ry", "", "\t", "😀"};
        for (int round = 0; round < 200; round++) {
            String text = "line one\r\nline two\rthree\n\nfour";
            LineIndex lines = LineIndex.of(text);
            for (int i = 0; i < 40; i++) {
                int start = random.nextInt(text.length() + 1);
                int end = Math.min(text.length(), start + random.nextInt(3));
                TextEdit edit = new TextEdit(start, end, typed[random.nextInt(typed.length)]);
                String next = edit.applyTo(text);
                LineIndex edited = lines.edited(edit, next);
                LineIndex fresh = LineIndex.of(next);
                assertEquals(fresh.lineCount(), edited.lineCount(), () -> "line count after " + edit + " of " + next.replace("\r", "\\r"));
                for (int l = 0; l < fresh.lineCount(); l++) {
                    assertEquals(fresh.lineStart(l), edited.lineStart(l), "line " + l + " after " + edit);
                }
                text = next;
                lines = edited;
            }
        }
    }
}
