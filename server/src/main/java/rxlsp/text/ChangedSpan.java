package rxlsp.text;

/**
 * Where two versions of a text differ, as one span: the length of their common start and of their
 * common end (the end never overlapping the start). What an incremental pass redoes is the text
 * between them.
 *
 * @param prefix characters both versions start with
 * @param suffix characters both versions end with, after the prefix in both
 */
public record ChangedSpan(int prefix, int suffix) {
    public static ChangedSpan between(String before, String after) {
        int shortest = Math.min(before.length(), after.length());
        int prefix = 0;
        while (prefix < shortest && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shortest - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        return new ChangedSpan(prefix, suffix);
    }
}
