package rxlsp.nix;

/**
 * The characters tree-sitter reads for a document: the document's own, adjusted where
 * tree-sitter-nix 0.0.2's lexer would read them differently from Nix's, so that the tree has Nix's
 * tokens. Most adjustments replace one character by one, so offsets stay those of the document:
 * <ul>
 *   <li>every carriage return is handed over as a line feed: Nix ends a {@code #} comment at either
 *       ({@code [ #} CR {@code 1 ]} is a list), tree-sitter-nix only at a line feed, and nowhere
 *       else does tree-sitter-nix tell the two apart (both are whitespace, and string contents are
 *       not lexed by character class);</li>
 *   <li>{@code ~/${…}}, a home path that starts with an interpolation, which Nix reads and
 *       tree-sitter-nix's home-path token cannot (it needs a character after {@code ~/}): its
 *       {@code ~} is handed over as {@code .}, so that tree-sitter reads a path from the same place,
 *       or as a space when a path character precedes it (where {@code .} would join that text).</li>
 * </ul>
 * A path token tree-sitter starts where Nix reads the operator {@code //} ({@code x //y},
 * {@code a'//b}) cannot be fixed in place: there a space is inserted after the {@code //}
 * ({@link #withSpacesAt}), and the tree's offsets are mapped back ({@link #toDocument}).
 */
final class TreeSitterInput {
    /**
     * How far an edit's effect on the handed-over characters reaches: a replacement depends on up to
     * three characters after it ({@code /${}) and one before it, so an edit is widened by this much.
     */
    static final int CONTEXT_BEFORE = 3;
    static final int CONTEXT_AFTER = 1;

    private static final int[] NO_INSERTIONS = new int[0];

    /** The handed-over characters. */
    private final char[] chars;
    /** The positions (in {@link #chars}) of inserted spaces, ascending. */
    private final int[] inserted;

    private TreeSitterInput(char[] chars, int[] inserted) {
        this.chars = chars;
        this.inserted = inserted;
    }

    /** The characters for {@code text}, one for one. */
    static TreeSitterInput of(String text) {
        char[] chars = text.toCharArray();
        // runs on every keystroke: String.indexOf finds the rare characters much faster than a loop over all
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            chars[i] = '\n';
        }
        for (int i = text.indexOf("~/${"); i >= 0; i = text.indexOf("~/${", i + 1)) {
            chars[i] = homePathStart(chars, i);
        }
        return new TreeSitterInput(chars, NO_INSERTIONS);
    }

    /** The characters for {@code text} with a space inserted before each of {@code offsets} (ascending, distinct). */
    static TreeSitterInput withSpacesAt(String text, int[] offsets) {
        char[] chars = new char[text.length() + offsets.length];
        int[] inserted = offsets.length == 0 ? NO_INSERTIONS : new int[offsets.length];
        int from = 0;
        for (int k = 0; k < offsets.length; k++) {
            text.getChars(from, offsets[k], chars, from + k);
            inserted[k] = offsets[k] + k;
            chars[inserted[k]] = ' ';
            from = offsets[k];
        }
        text.getChars(from, text.length(), chars, from + offsets.length);
        adjust(chars);
        return new TreeSitterInput(chars, inserted);
    }

    private static void adjust(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\r') {
                chars[i] = '\n';
            } else if (c == '~' && i + 3 < chars.length && chars[i + 1] == '/' && chars[i + 2] == '$' && chars[i + 3] == '{') {
                chars[i] = homePathStart(chars, i);
            }
        }
    }

    /** What the {@code ~} of {@code ~/${} at {@code i} is handed over as. */
    private static char homePathStart(char[] chars, int i) {
        return i > 0 && isPathCharacter(chars[i - 1]) ? ' ' : '.';
    }

    /** A character tree-sitter-nix's path scanner continues a path with. */
    static boolean isPathCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'
                || c == '+' || c == '/';
    }

    char[] chars() {
        return chars;
    }

    boolean hasInsertions() {
        return inserted.length > 0;
    }

    /** The document offset of a boundary {@code offset} between handed-over characters. */
    int toDocument(int offset) {
        if (inserted.length == 0) {
            return offset;
        }
        int below = java.util.Arrays.binarySearch(inserted, offset);
        int before = below >= 0 ? below : -below - 1; // insertions strictly before offset
        return offset - before;
    }
}
