package rxlsp.testing;

import rxlsp.text.TextEdit;

/** Random edits for property and fuzz tests, kept off the middle of a surrogate pair (an editor never splits one). */
public final class RandomEdits {
    private RandomEdits() {
    }

    /** Replaces {@code removed} characters from {@code at} (taken modulo the text's length + 1) by {@code typed}. */
    public static TextEdit of(String text, int at, int removed, String typed) {
        int start = text.isEmpty() ? 0 : Math.floorMod(at, text.length() + 1);
        if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        int end = Math.min(text.length(), start + removed);
        if (end > 0 && end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return new TextEdit(start, end, typed);
    }
}
