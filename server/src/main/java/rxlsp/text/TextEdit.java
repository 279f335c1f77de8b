package rxlsp.text;

import java.util.List;

/** Replacement of {@code [start, end)} of a text by {@code newText}. */
public record TextEdit(int start, int end, String newText) {
    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    public int newEnd() {
        return start + newText.length();
    }

    public String applyTo(String text) {
        return text.substring(0, start) + newText + text.substring(end);
    }

    /** Applies edits one after the other, each in the coordinates of the text the previous one produced. */
    public static String applyAll(String text, List<TextEdit> edits) {
        String result = text;
        for (TextEdit e : edits) {
            result = e.applyTo(result);
        }
        return result;
    }
}
