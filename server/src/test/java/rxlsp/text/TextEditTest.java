package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextEditTest {
    @Test
    void theEditBetweenTwoTextsMakesOneIntoTheOtherOverWhereTheyDiffer() {
        assertEquals(new TextEdit(2, 2, "x"), TextEdit.between("abcd", "abxcd"));
        assertEquals(new TextEdit(1, 3, ""), TextEdit.between("abcd", "ad"));
        assertEquals(new TextEdit(4, 4, ""), TextEdit.between("abcd", "abcd"));
        assertEquals(new TextEdit(0, 0, "é"), TextEdit.between("", "é"));
        // a repeated character: the common start is taken first, the common end from what is left
        assertEquals(new TextEdit(3, 3, "a"), TextEdit.between("aaa", "aaaa"));
        Random random = new Random(4);
        String alphabet = "ab\n\r é😀";
        for (int i = 0; i < 20_000; i++) {
            String before = randomText(random, alphabet);
            String after = before;
            for (int k = random.nextInt(4); k >= 0; k--) { // several edits in a row, anywhere
                int start = random.nextInt(after.length() + 1);
                int end = Math.min(after.length(), start + random.nextInt(3));
                String typed = randomText(random, alphabet);
                after = after.substring(0, start) + typed.substring(0, Math.min(typed.length(), random.nextInt(3))) + after.substring(end);
            }
            TextEdit edit = TextEdit.between(before, after);
            assertEquals(after, edit.applyTo(before), before + " -> " + after);
            // it starts where the texts first differ
            int start = edit.start();
            assertTrue(start == before.length() || start == after.length() || before.charAt(start) != after.charAt(start), edit.toString());
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
