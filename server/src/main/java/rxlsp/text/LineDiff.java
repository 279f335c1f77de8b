package rxlsp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The differences between two texts as a few small edits, so that an editor applying them moves
 * the cursor and marks only where something changed (a whole-file replacement would send them to
 * the top). Lines are compared with Myers' O(ND) algorithm; each run of changed lines becomes one
 * edit, trimmed to the characters that differ. When the texts differ in more lines than
 * {@link #MAX_CHANGED_LINES}, one edit covers everything between the first and the last difference.
 */
public final class LineDiff {
    static final int MAX_CHANGED_LINES = 500;

    private LineDiff() {
    }

    /** Edits that turn {@code a} into {@code b}: in {@code a}'s coordinates, sorted and not overlapping. */
    public static List<TextEdit> edits(String a, String b) {
        if (a.equals(b)) {
            return List.of();
        }
        int[] aStarts = lineStarts(a);
        int[] bStarts = lineStarts(b);
        String[] x = lines(a, aStarts);
        String[] y = lines(b, bStarts);
        int pre = 0;
        while (pre < x.length && pre < y.length && x[pre].equals(y[pre])) {
            pre++;
        }
        int suf = 0;
        while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf].equals(y[y.length - 1 - suf])) {
            suf++;
        }
        String[] xs = Arrays.copyOfRange(x, pre, x.length - suf);
        String[] ys = Arrays.copyOfRange(y, pre, y.length - suf);
        List<int[]> hunks = hunks(xs, ys);
        List<TextEdit> out = new ArrayList<>(hunks.size());
        for (int[] h : hunks) {
            if (h[1] - h[0] == h[3] - h[2]) {
                // as many lines as before: one edit per line, so that a line keeps its place
                for (int i = 0; i < h[1] - h[0]; i++) {
                    add(out, trimmed(a, aStarts[pre + h[0] + i], aStarts[pre + h[0] + i + 1],
                            b.substring(bStarts[pre + h[2] + i], bStarts[pre + h[2] + i + 1])));
                }
            } else {
                add(out, trimmed(a, aStarts[pre + h[0]], aStarts[pre + h[1]], b.substring(bStarts[pre + h[2]], bStarts[pre + h[3]])));
            }
        }
        return out;
    }

    private static void add(List<TextEdit> out, TextEdit e) {
        if (e.start() != e.end() || !e.newText().isEmpty()) {
            out.add(e);
        }
    }

    /** The edit without the characters it would replace by themselves at its start and end. */
    private static TextEdit trimmed(String a, int from, int to, String text) {
        int start = 0;
        while (from + start < to && start < text.length() && a.charAt(from + start) == text.charAt(start)) {
            start++;
        }
        int end = 0;
        while (to - end > from + start && text.length() - end > start && a.charAt(to - end - 1) == text.charAt(text.length() - end - 1)) {
            end++;
        }
        return new TextEdit(from + start, to - end, text.substring(start, text.length() - end));
    }

    /** Offsets where lines start, plus the text's length as the end of the last. */
    private static int[] lineStarts(String s) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = s.indexOf('\n'); i >= 0 && i + 1 < s.length(); i = s.indexOf('\n', i + 1)) {
            if (n + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[n++] = i + 1;
        }
        if (s.isEmpty()) {
            return new int[] {0};
        }
        starts[n++] = s.length();
        return Arrays.copyOf(starts, n);
    }

    private static String[] lines(String s, int[] starts) {
        String[] out = new String[starts.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.substring(starts[i], starts[i + 1]);
        }
        return out;
    }

    /**
     * The changed runs between two line arrays as {@code {aFrom, aTo, bFrom, bTo}}, by Myers' greedy
     * algorithm (forward, keeping each step's frontier to walk the path back).
     */
    private static List<int[]> hunks(String[] a, String[] b) {
        int n = a.length;
        int m = b.length;
        int max = n + m;
        if (max == 0) {
            return List.of();
        }
        int limit = Math.min(max, MAX_CHANGED_LINES);
        int offset = limit + 1;
        List<int[]> trace = new ArrayList<>();
        int[] v = new int[2 * limit + 3];
        int found = -1;
        for (int d = 0; d <= limit && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int xPos = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int yPos = xPos - k;
                while (xPos < n && yPos < m && a[xPos].equals(b[yPos])) {
                    xPos++;
                    yPos++;
                }
                v[offset + k] = xPos;
                if (xPos >= n && yPos >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            List<int[]> whole = new ArrayList<>();
            whole.add(new int[] {0, n, 0, m});
            return whole;
        }
        // walk back from the end: each step is one deleted or inserted line after a run of equal ones
        List<int[]> steps = new ArrayList<>(); // {aFrom, aTo, bFrom, bTo} of each step, last first
        int xPos = n;
        int yPos = m;
        for (int d = found; d > 0; d--) {
            int[] frontier = trace.get(d);
            int k = xPos - yPos;
            boolean down = k == -d || k != d && frontier[offset + k - 1] < frontier[offset + k + 1];
            int prevK = down ? k + 1 : k - 1;
            int prevX = frontier[offset + prevK];
            int prevY = prevX - prevK;
            while (xPos > prevX && yPos > prevY) {
                xPos--;
                yPos--;
            }
            steps.add(new int[] {prevX, xPos, prevY, yPos});
            xPos = prevX;
            yPos = prevY;
        }
        List<int[]> out = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            int[] step = steps.get(i);
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[1] == step[0] && last[3] == step[2]) {
                last[1] = step[1];
                last[3] = step[3];
            } else {
                out.add(step);
            }
        }
        return out;
    }
}
