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

    /**
     * The one edit that makes {@code before} into {@code after}: the text between their common start
     * and their common end. Several edits in a row (a fast typist's, coalesced) are one such edit
     * for whoever only needs where the text changed, without a copy of the text per edit.
     */
    public static TextEdit between(String before, String after) {
        ChangedSpan changed = ChangedSpan.between(before, after);
        return new TextEdit(changed.prefix(), before.length() - changed.suffix(),
                after.substring(changed.prefix(), after.length() - changed.suffix()));
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
