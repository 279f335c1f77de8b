package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void closeNamesOnly() {
        List<String> kinds = List.of("file", "exec", "pkg", "print", "http:server:ui");
        assertEquals(Optional.of("file"), DidYouMean.closest("fiel", kinds));
        assertEquals(Optional.of("print"), DidYouMean.closest("prnt", kinds));
        assertEquals(Optional.of("http:server:ui"), DidYouMean.closest("http:sever:ui", kinds));
        assertEquals(Optional.empty(), DidYouMean.closest("x", kinds));
        assertEquals(Optional.empty(), DidYouMean.closest("database", kinds));
        assertEquals("; did you mean `Meta:noop`?", DidYouMean.hint("nopo", List.of("noop", "poll"), "Meta:"));
        assertEquals("", DidYouMean.hint("zzzz", List.of("noop"), "Meta:"));
    }

    /** The bounded distance agrees with the full table wherever it is within the limit. */
    @Test
    void boundedDistanceAgreesWithTheFullOne() {
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 20_000; round++) {
            String a = word(random);
            String b = random.nextBoolean() ? mutate(a, random) : word(random);
            int full = fullTable(a, b);
            assertEquals(full, DidYouMean.distance(a, b), a + " / " + b);
            for (int limit = 0; limit <= 4; limit++) {
                int bounded = DidYouMean.distance(a, b, limit);
                assertEquals(full <= limit ? full : limit + 1, bounded, a + " / " + b + " limit " + limit);
            }
        }
    }

    /** A name of millions of characters is not compared at all (bench/big-inputs.sh times whole checks of such names). */
    @Test
    void hugeNamesCostNothing() {
        String huge = "f".repeat(4_000_000);
        List<String> known = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> "name" + i).toList();
        assertEquals(Optional.empty(), DidYouMean.closest(huge, known));
        assertEquals(Optional.empty(), DidYouMean.closest("f".repeat(DidYouMean.MAX_LENGTH), known));
        assertEquals(Optional.of("name1234"), DidYouMean.closest("nmae1234", known));
    }

    private static String word(java.util.Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            sb.append("abcd".charAt(random.nextInt(4)));
        }
        return sb.toString();
    }

    private static String mutate(String s, java.util.Random random) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = random.nextInt(4); k > 0; k--) {
            int at = sb.isEmpty() ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(4)) {
                case 0 -> sb.insert(at, 'x');
                case 1 -> { if (!sb.isEmpty()) { sb.deleteCharAt(at); } }
                case 2 -> { if (!sb.isEmpty()) { sb.setCharAt(at, 'y'); } }
                default -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The textbook optimal string alignment table, as a reference. */
    private static int fullTable(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
