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

    /** A small MCL edit of the kinds typing makes: some break the program, some mend it. */
    public static String typing(String text, java.util.Random random) {
        int at = random.nextInt(text.length() + 1);
        String[] typed = {"a", "1", " ", "\n", "\"", "{", "}", "(", ")", "$", "#", ",", "-", "\t", "é", "$z = 1\n",
            "\r\n", "=> "};
        return switch (random.nextInt(4)) {
            case 0, 1 -> text.substring(0, at) + typed[random.nextInt(typed.length)] + text.substring(at);
            case 2 -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(6));
                yield text.substring(0, at) + text.substring(end);
            }
            default -> {
                // replace a character inside a word or number: most often an edit that keeps the program valid
                int i = at;
                while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                if (i == text.length()) {
                    yield text;
                }
                char c = text.charAt(i);
                yield text.substring(0, i) + (Character.isDigit(c) ? '7' : 'q') + text.substring(i + 1);
            }
        };
    }
}
