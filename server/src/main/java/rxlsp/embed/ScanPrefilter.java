package rxlsp.embed;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the text alone that {@link ModuleScanner} cannot find anything in a file, so that
 * its tree walks are skipped for the vast majority of Nix files, which never mention rx.nix. The
 * scanner only reports what hangs off an attribute named {@code rx}, {@code imports},
 * {@code disabledModules} or {@code modules}, or a string after a comment {@code # mcl} / {@code /* mcl *}{@code /} (any case).
 * Each such name is a whole word of the text (not part of an identifier such as {@code rx-lsp}),
 * also when written as a string with escapes: {@code "r\x"} and {@code ${''r''\x''}} name
 * {@code rx} too, so {@code \} and {@code '} are read as if absent. A "no" here is therefore certain;
 * a "maybe" costs the full scan. One pass over the characters.
 */
final class ScanPrefilter {
    /** The words, up to 8 ASCII characters each packed into a long. */
    private static final long RX = pack("rx");
    private static final long IMPORTS = pack("imports");
    private static final long MODULES = pack("modules");
    private static final long MCL = pack("mcl");
    /** {@code disabledModules}: its first 8 characters, and its length. */
    private static final long DISABLED = pack("disabled");
    private static final int DISABLED_MODULES_LENGTH = "disabledModules".length();

    private ScanPrefilter() {
    }

    private static final int WORD_RX = 1;
    private static final int WORD_IMPORTS = 2;
    private static final int WORD_MODULES = 4;
    private static final int WORD_MCL = 8;
    private static final int WORD_DISABLED_MODULES = 16;

    static boolean mayFindSomething(String text) {
        return has(text, WORD_RX | WORD_IMPORTS | WORD_MODULES | WORD_MCL | WORD_DISABLED_MODULES);
    }

    /**
     * Whether a word that overlaps or touches {@code text[from, to)} is one of the words: when that is
     * where an edit put its text, and the text before the edit had none, only such a word can be new.
     * The range is widened to whole words first (escapes included), so that the words are read as
     * {@link #mayFindSomething} reads them.
     */
    static boolean mayFindSomethingNear(String text, int from, int to) {
        int start = Math.max(0, Math.min(from, text.length()));
        while (start > 0 && wordOrEscape(text.charAt(start - 1))) {
            start--;
        }
        int end = Math.max(start, Math.min(to, text.length()));
        while (end < text.length() && wordOrEscape(text.charAt(end))) {
            end++;
        }
        return has(text.substring(start, end), WORD_RX | WORD_IMPORTS | WORD_MODULES | WORD_MCL | WORD_DISABLED_MODULES);
    }

    private static boolean wordOrEscape(char c) {
        return wordPart(c) || c == '\\' || c == '\'';
    }

    /** Whether one of the {@code wanted} words (bits of the WORD_ constants) is in the text. */
    private static boolean has(String text, int wanted) {
        // Latin-1 bytes: a bulk copy, then a plain array loop (charAt per character is several times
        // slower under C1); other characters become '?', which ends a word as they do
        byte[] chars = text.getBytes(StandardCharsets.ISO_8859_1);
        int n = chars.length;
        int i = 0;
        while (i < n) {
            if (!wordPart(chars[i])) {
                i++;
                continue;
            }
            // one word, with \ and ' skipped; only its first 8 characters matter
            long packed = 0;
            int length = 0;
            for (; i < n; i++) {
                int c = chars[i];
                if (c == '\\' || c == '\'') {
                    continue;
                }
                if (!wordPart(c)) {
                    break;
                }
                if (length < 8) {
                    packed = packed << 8 | c;
                }
                length++;
            }
            int word = length == 2 && packed == RX ? WORD_RX
                    : length == 7 && packed == IMPORTS ? WORD_IMPORTS
                    : length == 7 && packed == MODULES ? WORD_MODULES
                    : length == 3 && (packed | 0x202020) == MCL ? WORD_MCL
                    : length == DISABLED_MODULES_LENGTH && packed == DISABLED ? WORD_DISABLED_MODULES : 0;
            if ((word & wanted) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long pack(String word) {
        long p = 0;
        for (int i = 0; i < word.length(); i++) {
            p = p << 8 | word.charAt(i);
        }
        return p;
    }

    private static boolean wordPart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
