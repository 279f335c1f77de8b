package rxlsp.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's formatting as rx.nix's renderer uses it (values from Go's documented behaviour). */
class GoFormatTest {
    @Test
    void floatsPrintTheShortestFormWithExponentsBelow1eMinus4AndFrom1e6() {
        assertEquals("2.097152e+06", GoFormat.floatV(2097152));
        assertEquals("1e+06", GoFormat.floatV(1000000));
        assertEquals("-2.097152e+06", GoFormat.floatV(-2097152));
        assertEquals("999999", GoFormat.floatV(999999));
        assertEquals("1e-05", GoFormat.floatV(0.00001));
        assertEquals("0.0001", GoFormat.floatV(0.0001));
        assertEquals("2", GoFormat.floatV(2.0));
        assertEquals("1.5", GoFormat.floatV(1.5));
        assertEquals("0", GoFormat.floatV(0));
        assertEquals("9.007199254740992e+15", GoFormat.floatV(9007199254740993L));
        assertEquals("1.23456789e+08", GoFormat.floatV(123456789));
        assertEquals("1e+21", GoFormat.floatV(1e21));
    }

    @Test
    void stringsAreQuotedLikeStrconvQuote() {
        assertEquals("\"a\\\"b\\\\c\"", GoFormat.quote("a\"b\\c"));
        assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\"", GoFormat.quote("\u0007\b\f\n\r\t\u000b"));
        assertEquals("\"\\x01\\x7f\"", GoFormat.quote("\u0001\u007f"));
        assertEquals("\"\\u0085\\u00a0\\u200b\"", GoFormat.quote("\u0085\u00a0\u200b"));
        assertEquals("\"é😀 ${x}\"", GoFormat.quote("é😀 ${x}"));
        assertEquals("\"\\U000e0001\"", GoFormat.quote(new String(Character.toChars(0xE0001))));
    }

    @Test
    void numericEscapesAreFoundInTheTextNotInItsQuotedForm() {
        assertEquals(false, GoFormat.hasNumericEscape("C:\\xyz \\u0041 tab\there é😀"));
        assertEquals(true, GoFormat.hasNumericEscape("no\u00a0break"));
        assertEquals(true, GoFormat.hasNumericEscape("bell\u0001"));
    }

    @Test
    void goTrimSpaceTrimsUnicodeSpaceButNotZeroWidthSpace() {
        assertEquals(true, GoSpace.isSpace(0xA0));
        assertEquals(true, GoSpace.isSpace(0x85));
        assertEquals(true, GoSpace.isSpace(0x3000));
        assertEquals(false, GoSpace.isSpace(0x200B));
    }
}
