package rxlsp.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.MclTokens;
import rxlsp.mcl.MclTokens.Kind;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.ChangedSpan;

/**
 * The lexemes of one document's MCL programs, kept from one semantic-tokens answer to the next so
 * that after a keystroke only the text around the edit is lexed again: most of what makes a delta
 * answer cheap.
 *
 * <p>The old lexemes before the edit are kept up to a statement start at or before it (a statement of
 * the new parse that ends before its first syntax error: there the new text's lexer starts a token,
 * and the text before is unchanged). From there the new text is lexed until the lexer starts a token
 * in the unchanged text after the edit at a place where the old lexer started one too: from a token
 * start on, lexing depends only on the text that follows, so the rest is the old lexemes, moved by
 * the change in length. Without a usable old answer the program is lexed whole. Programs longer than
 * {@link #MAX_CHARS} are not kept, so that a huge document does not hold a second set of lexemes.
 *
 * <p>The programs of the last answer are matched to this answer's by their order in the document;
 * a wrong match costs time, never correctness (everything above compares texts). Safe for concurrent
 * requests.
 */
public final class StatementLexemes {
    static final int MAX_CHARS = 1 << 20;

    private final boolean keep;
    private List<Lexemes> last = List.of();
    private List<Lexemes> current = new ArrayList<>();
    /** How many characters the lexer was given, in all (it shows how much the kept lexemes saved). */
    private long charsLexed;

    private StatementLexemes(boolean keep) {
        this.keep = keep;
    }

    /** Kept for one document's successive answers. */
    public static StatementLexemes kept() {
        return new StatementLexemes(true);
    }

    /** Lexes every time: for one-off answers that keep nothing. */
    public static StatementLexemes none() {
        return new StatementLexemes(false);
    }

    /** The lexemes of one program text, unboxed, in program offsets and in order. */
    record Lexemes(String text, Dialect dialect, int size, int[] starts, int[] ends, Kind[] kinds) {
        static Lexemes whole(String text, Dialect dialect) {
            Builder b = new Builder(Math.max(16, text.length() / 4));
            MclTokens.scan(text, 0, dialect, b::add);
            return b.build(text, dialect);
        }

        /** The index of the first lexeme that ends after {@code offset}. */
        int firstEndingAfter(int offset) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The index of the lexeme starting at {@code offset}, or -1. */
        int startingAt(int offset) {
            int i = Arrays.binarySearch(starts, 0, size, offset);
            return i >= 0 ? i : -1;
        }
    }

    private static final class Builder {
        private int size;
        private int[] starts;
        private int[] ends;
        private Kind[] kinds;

        Builder(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
            kinds = new Kind[capacity];
        }

        boolean add(Kind kind, int start, int end) {
            if (size == starts.length) {
                int n = size * 2;
                starts = Arrays.copyOf(starts, n);
                ends = Arrays.copyOf(ends, n);
                kinds = Arrays.copyOf(kinds, n);
            }
            starts[size] = start;
            ends[size] = end;
            kinds[size] = kind;
            size++;
            return true;
        }

        void addAll(Lexemes from, int first, int to, int shift) {
            for (int i = first; i < to; i++) {
                add(from.kinds[i], from.starts[i] + shift, from.ends[i] + shift);
            }
        }

        Lexemes build(String text, Dialect dialect) {
            return new Lexemes(text, dialect, size, starts, ends, kinds);
        }
    }

    /** Starts an answer: the programs of the answer before it are what the next {@link #of} calls reuse. */
    synchronized void nextAnswer() {
        if (!current.isEmpty()) {
            last = current;
            current = new ArrayList<>();
        }
    }

    /** The lexemes of {@code text}, the program {@code parsed} is the parse of. */
    synchronized Lexemes of(String text, MclParseResult parsed) {
        int index = current.size();
        Lexemes old = index < last.size() ? last.get(index) : null;
        Lexemes out;
        if (old != null && old.dialect() == parsed.dialect()) { // an answer that keeps nothing has no old lexemes
            out = relexed(old, text, parsed);
        } else {
            charsLexed += text.length();
            out = Lexemes.whole(text, parsed.dialect());
        }
        current.add(keep && text.length() <= MAX_CHARS ? out : null);
        return out;
    }

    synchronized long charsLexed() {
        return charsLexed;
    }

    private Lexemes relexed(Lexemes old, String text, MclParseResult parsed) {
        String before = old.text();
        if (before.equals(text)) {
            return old;
        }
        ChangedSpan changed = ChangedSpan.between(before, text);
        int prefix = changed.prefix();
        int suffix = changed.suffix();
        int delta = text.length() - before.length();
        int unchangedFrom = text.length() - suffix; // in the new text

        int sure = parsed.diagnostics().isEmpty() ? text.length() : parsed.diagnostics().getFirst().range().start();
        int from = 0;
        for (Stmt s : parsed.program().statements()) {
            if (s.range().start() > prefix || s.range().end() > sure) {
                break;
            }
            from = s.range().start();
        }
        int kept = old.firstEndingAfter(from);
        if (kept < old.size() && old.starts()[kept] < from) {
            charsLexed += text.length();
            return Lexemes.whole(text, parsed.dialect()); // an old lexeme runs across the start
        }
        Builder b = new Builder(old.size() + 64);
        b.addAll(old, 0, kept, 0);
        int[] resumeAt = {-1};
        MclTokens.scan(text, from, parsed.dialect(), (kind, start, end) -> {
            if (start >= unchangedFrom) {
                int same = old.startingAt(start - delta);
                if (same >= 0) {
                    resumeAt[0] = same;
                    return false;
                }
            }
            return b.add(kind, start, end);
        });
        if (resumeAt[0] >= 0) {
            charsLexed += old.starts()[resumeAt[0]] + delta - from;
            b.addAll(old, resumeAt[0], old.size(), delta);
        } else {
            charsLexed += text.length() - from;
        }
        return b.build(text, parsed.dialect());
    }
}
