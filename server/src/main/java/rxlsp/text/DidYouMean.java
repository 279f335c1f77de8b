package rxlsp.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the known name closest to a misspelt one, when it is close enough to be a likely typo
 * (shared by the Nix-side and MCL checks). The work is bounded whatever the input: a name longer
 * than {@link #MAX_LENGTH} is no typo of a known one and gets no suggestion, candidates whose
 * length alone puts them too far away are not compared, and the comparison stops as soon as a
 * candidate is known to be too far, so that no diagnostic costs more than reading its name.
 */
public final class DidYouMean {
    /** Longer names are not suggested for (every known name is far shorter than this). */
    static final int MAX_LENGTH = 64;

    private DidYouMean() {
    }

    public static Optional<String> closest(String wrong, Collection<String> known) {
        if (wrong.isEmpty() || wrong.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        // a third of the name, at least one edit: "fiel" -> "file", but not "x" -> "exec"
        int allowed = Math.max(1, wrong.length() / 3);
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            if (Math.abs(candidate.length() - w.length()) > allowed) {
                continue; // at least that many insertions or deletions
            }
            int d = distance(w, candidate.toLowerCase(Locale.ROOT), Math.min(allowed, bestDistance));
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The message suffix {@code "; did you mean `x`?"}, or empty. */
    public static String hint(String wrong, Collection<String> known, String prefix) {
        return closest(wrong, known).map(s -> "; did you mean `" + prefix + s + "`?").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * The distance, or {@code limit + 1} as soon as it must exceed {@code limit} (every value of a
     * row is above it). Three rows, not a table.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] beforeLast = new int[m + 1];
        int[] last = new int[m + 1];
        int[] row = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            last[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            row[0] = i;
            int rowMin = row[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, beforeLast[j - 2] + 1);
                }
                row[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                // no later row can come back under the limit: a swap reaching back two rows adds 1
                // to a value at least the one diagonally below it in the row between
                return limit + 1;
            }
            int[] recycled = beforeLast;
            beforeLast = last;
            last = row;
            row = recycled;
        }
        return last[m] <= limit ? last[m] : limit + 1;
    }
}
