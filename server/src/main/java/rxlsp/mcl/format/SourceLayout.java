package rxlsp.mcl.format;

import java.util.Arrays;
import java.util.List;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Node;

/**
 * Where things are in the text a program was parsed from, in the terms the formatter decides by:
 * rows (counted by {@code \n} only, as mgmt's lexer counts them) and the punctuation the syntax tree
 * does not keep (the braces of blocks, the parentheses of parameter lists, {@code else}), found by
 * stepping over blanks and comments from a node's end. Editor features that need that punctuation
 * (folding at {@code else}) use it too.
 */
public final class SourceLayout {
    private final String text;
    private final int[] lineBreaks;
    private final int[] commentStarts;
    private final int[] commentEnds;

    /** @param comments the program's comments, sorted by position */
    public SourceLayout(String text, List<Comment> comments) {
        this.text = text;
        this.lineBreaks = breaks(text);
        this.commentStarts = comments.stream().mapToInt(c -> c.range().start()).toArray();
        this.commentEnds = comments.stream().mapToInt(c -> c.range().end()).toArray();
    }

    private static int[] breaks(String text) {
        int[] out = new int[16];
        int n = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    /** The 0-based row of an offset. */
    int row(int offset) {
        int i = Arrays.binarySearch(lineBreaks, offset);
        return i >= 0 ? i : -i - 1;
    }

    /** The row a node starts on. */
    int startRow(Node node) {
        return row(node.range().start());
    }

    /** The row of a node's last character (its start row when it is empty). */
    int endRow(Node node) {
        return row(Math.max(node.range().start(), node.range().end() - 1));
    }

    /** The first offset at or after {@code offset} that is neither blank nor inside a comment. */
    public int skipBlanks(int offset) {
        int at = offset;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                at++;
                continue;
            }
            int comment = Arrays.binarySearch(commentStarts, at);
            if (comment < 0) {
                break;
            }
            at = commentEnds[comment];
        }
        return at;
    }

    /** The offset of {@code token}, the next thing after {@code offset} past blanks and comments. */
    int expect(int offset, String token) {
        int at = skipBlanks(offset);
        if (!text.startsWith(token, at)) {
            throw new Unformattable("expected `" + token + "` at offset " + at);
        }
        return at;
    }

    /** True when {@code token} is the next thing after {@code offset}, past blanks and comments. */
    public boolean next(int offset, String token) {
        return text.startsWith(token, skipBlanks(offset));
    }
}
