package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    /** Random texts and random line changes of them: the edits, applied, give the second text. */
    @Test
    void editsTurnOneTextIntoTheOther() {
        Random r = new Random(7);
        String[] pool = {"a\n", "b\n", "\tc => 1,\n", "\n", "ü🚀\n", "x", "  y\n", "\r\n"};
        for (int round = 0; round < 3_000; round++) {
            String a = text(r, pool);
            String b = r.nextInt(4) == 0 ? text(r, pool) : changed(a, r, pool);
            List<TextEdit> edits = LineDiff.edits(a, b);
            for (int i = 1; i < edits.size(); i++) {
                assertTrue(edits.get(i - 1).end() <= edits.get(i).start(), "sorted, apart: " + edits);
            }
            StringBuilder out = new StringBuilder(a);
            for (int i = edits.size() - 1; i >= 0; i--) {
                out.replace(edits.get(i).start(), edits.get(i).end(), edits.get(i).newText());
            }
            assertEquals(b, out.toString(), "from " + a);
        }
    }

    @Test
    void aChangedLineIsOneSmallEdit() {
        assertEquals(List.of(new TextEdit(8, 8, "\t")), LineDiff.edits("a = 1\n{\nb\n}\n", "a = 1\n{\n\tb\n}\n"));
        assertEquals(List.of(), LineDiff.edits("same\n", "same\n"));
    }

    private static String text(Random r, String[] pool) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(pool[r.nextInt(pool.length)]);
        }
        return b.toString();
    }

    private static String changed(String a, Random r, String[] pool) {
        List<String> lines = new ArrayList<>(List.of(a.split("(?<=\n)")));
        for (int k = r.nextInt(4); k >= 0; k--) {
            int at = lines.isEmpty() ? 0 : r.nextInt(lines.size());
            switch (r.nextInt(3)) {
                case 0 -> lines.add(at, pool[r.nextInt(pool.length)]);
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                default -> {
                    if (!lines.isEmpty()) {
                        lines.set(at, "\t" + lines.get(at));
                    }
                }
            }
        }
        return String.join("", lines);
    }
}
