package rxlsp.mcl;

import java.util.Arrays;

/**
 * Converts ANTLR's code-point indexes into the project's UTF-16 offsets in O(log n): an index moves
 * by one for every supplementary character (two UTF-16 units) before it. Scanning the text for each
 * conversion instead would make a large file with a single emoji quadratic.
 */
final class CodePointOffsets {
    /** Code-point indexes of the supplementary characters, ascending; empty for all-BMP text. */
    private final int[] astral;

    CodePointOffsets(String text) {
        int[] found = new int[0];
        int count = 0;
        int cp = 0;
        for (int i = 0; i < text.length(); cp++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.max(8, count * 2));
                }
                found[count++] = cp;
                i += 2;
            } else {
                i++;
            }
        }
        this.astral = Arrays.copyOf(found, count);
    }

    int utf16(int codePointIndex) {
        if (astral.length == 0) {
            return codePointIndex;
        }
        int before = Arrays.binarySearch(astral, codePointIndex);
        if (before < 0) {
            before = -before - 1;
        }
        return codePointIndex + before;
    }
}
