package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;

/**
 * Nix's rules for {@code ''…''} strings (reference §7.1): the lexer's tokens, then the two passes of
 * indentation stripping over them. Token boundaries matter, not only characters: only plain text
 * counts towards the indentation, and only the last token loses a final line of spaces.
 */
final class IndentedStrings {
    private IndentedStrings() {
    }

    /** A lexer token: plain text (whose spaces count as indentation), any other string piece, or a hole. */
    private enum Type { TEXT, OTHER, HOLE }

    private record Token(Type type, int start, int end, String value) {
    }

    /** Tokens of the content and where it ended. */
    private record Scan(List<Token> tokens, int end) {
    }

    /** What decoding found besides the segments: the minimum indentation and where the content ended. */
    record Layout(int minIndent, int end) {
    }

    /**
     * Decodes from {@code from} (just after the opening {@code ''}) up to {@code limit}, or up to the
     * closing {@code ''} when {@code stopAtClose}.
     */
    static Layout decode(String text, int from, int limit, boolean stopAtClose, HoleEnds holes, SegmentTableBuilder out) {
        int start = openerEnd(text, from, limit);
        out.skip(StringSegment.Kind.OPENER, from, start);
        Scan scan = lex(text, start, limit, stopAtClose, holes);
        int minIndent = minIndent(scan.tokens());
        strip(text, scan.tokens(), minIndent, out);
        return new Layout(minIndent, scan.end());
    }

    /**
     * Whether the content {@code [from, limit)} (from just after the opening quotes) is at most one lexer
     * token and no interpolation: then Nix's parser makes the string a constant rather than a
     * concatenation.
     */
    static boolean isOneConstantToken(String text, int from, int limit) {
        List<Token> tokens = lex(text, openerEnd(text, from, limit), limit, false, HoleEnds.of(List.of())).tokens();
        return tokens.size() <= 1 && tokens.stream().noneMatch(t -> t.type() == Type.HOLE);
    }

    /** The opening token is {@code ''(\ *\n)?}: only spaces then an LF are swallowed, not a TAB or CR. */
    private static int openerEnd(String text, int from, int limit) {
        int i = from;
        while (i < limit && text.charAt(i) == ' ') {
            i++;
        }
        return i < limit && text.charAt(i) == '\n' ? i + 1 : from;
    }

    private static Scan lex(String text, int from, int limit, boolean stopAtClose, HoleEnds holes) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < limit) {
            char c = text.charAt(i);
            char next = charAt(text, i + 1, limit);
            if (c == '\'' && next == '\'') {
                char third = charAt(text, i + 2, limit);
                if (third == '$') {
                    tokens.add(new Token(Type.OTHER, i, i + 3, "$"));
                    i += 3;
                } else if (third == '\'') {
                    tokens.add(new Token(Type.OTHER, i, i + 3, "''"));
                    i += 3;
                } else if (third == '\\' && i + 3 < limit) {
                    // any one character may follow, a line break or a $ included
                    tokens.add(new Token(Type.OTHER, i, i + 4, String.valueOf(QuotedStrings.unescaped(text.charAt(i + 3)))));
                    i += 4;
                } else if (stopAtClose) {
                    return new Scan(tokens, i);
                } else {
                    // the parse tree says the content goes on: a closing quote Nix would see is broken input
                    tokens.add(new Token(Type.OTHER, i, i + 2, "''"));
                    i += 2;
                }
            } else if (c == '$' && next == '{') {
                int end = holes.endOf(text, i, limit);
                tokens.add(new Token(Type.HOLE, i, end, text.substring(i, end)));
                i = end;
            } else if ((c == '$' && next != '\'' && next != 0) || (c == '\'' && next != '$' && next != 0) || c != '$' && c != '\'') {
                int end = textEnd(text, i, limit);
                tokens.add(new Token(Type.TEXT, i, end, text.substring(i, end)));
                i = end;
            } else {
                // a lone $ before a quote, or a lone ' before a $: a token of its own that is not text
                tokens.add(new Token(Type.OTHER, i, i + 1, String.valueOf(c)));
                i++;
            }
        }
        return new Scan(tokens, limit);
    }

    /** The longest run of {@code ([^$']|\$[^{']|'[^'$])+} from {@code i}, which starts with one of them. */
    private static int textEnd(String text, int i, int limit) {
        int j = i;
        while (j < limit) {
            char d = text.charAt(j);
            if (d != '$' && d != '\'') {
                j++;
                continue;
            }
            char after = charAt(text, j + 1, limit);
            boolean pair = after != 0 && (d == '$' ? after != '{' && after != '\'' : after != '\'' && after != '$');
            if (!pair) {
                break;
            }
            j += 2; // a $ or ' takes the next character with it, so that one can never start anything
        }
        return j;
    }

    private static char charAt(String text, int i, int limit) {
        return i < limit ? text.charAt(i) : 0;
    }

    /** Pass 1: the least number of leading spaces over the lines that count. */
    private static int minIndent(List<Token> tokens) {
        boolean atLineStart = true;
        int indent = 0;
        int min = Integer.MAX_VALUE;
        for (Token t : tokens) {
            if (t.type() != Type.TEXT) {
                // an escape or interpolation ends the line's indentation; an escaped LF starts no line here
                if (atLineStart) {
                    atLineStart = false;
                    min = Math.min(min, indent);
                }
                continue;
            }
            String s = t.value();
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (atLineStart) {
                    if (c == ' ') {
                        indent++;
                    } else if (c == '\n') {
                        indent = 0; // a line of spaces does not count
                    } else {
                        atLineStart = false;
                        min = Math.min(min, indent);
                    }
                } else if (c == '\n') {
                    atLineStart = true;
                    indent = 0;
                }
            }
        }
        return min;
    }

    /** Pass 2: strips up to minIndent spaces per line, scanning escape values like text, then the last line. */
    private static void strip(String text, List<Token> tokens, int minIndent, SegmentTableBuilder out) {
        LineStart line = new LineStart(minIndent);
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            switch (t.type()) {
                case HOLE -> {
                    line.endRun();
                    out.add(StringSegment.Kind.HOLE, t.start(), t.end(), t.value());
                }
                case OTHER -> {
                    // an escape's value is one character (or two quotes) and stays one unit; only an
                    // escaped space right after an escaped newline can be stripped
                    boolean keep = line.keeps(t.value().charAt(0));
                    for (int j = 1; j < t.value().length(); j++) {
                        line.keeps(t.value().charAt(j));
                    }
                    boolean plain = t.value().contentEquals(text.subSequence(t.start(), t.end()));
                    StringSegment.Kind kind = !keep ? StringSegment.Kind.INDENT
                            : plain ? StringSegment.Kind.VERBATIM : StringSegment.Kind.ESCAPE;
                    out.add(kind, t.start(), t.end(), keep ? t.value() : "");
                }
                case TEXT -> stripText(t, k == tokens.size() - 1, line, out);
            }
        }
    }

    /** A text token's characters, emitted in runs of one kind: kept, stripped, or dropped (last line). */
    private static void stripText(Token t, boolean lastToken, LineStart line, SegmentTableBuilder out) {
        String s = t.value();
        // only the last token loses a final line of spaces (an escape's value never ends that way)
        int droppedFrom = lastToken ? finalSpacesLine(s) : s.length();
        int runStart = 0;
        StringSegment.Kind runKind = null;
        for (int j = 0; j < s.length(); j++) {
            boolean keep = line.keeps(s.charAt(j));
            StringSegment.Kind kind = j >= droppedFrom ? StringSegment.Kind.DROPPED
                    : keep ? StringSegment.Kind.VERBATIM : StringSegment.Kind.INDENT;
            if (kind != runKind) {
                flush(t.start(), runStart, j, runKind, out);
                runStart = j;
                runKind = kind;
            }
        }
        flush(t.start(), runStart, s.length(), runKind, out);
    }

    /** Pass 2's state: still in a line's leading spaces, and how many of them were stripped. */
    private static final class LineStart {
        private final int minIndent;
        private boolean atLineStart = true;
        private int stripped;

        LineStart(int minIndent) {
            this.minIndent = minIndent;
        }

        /** An interpolation ends the leading spaces. */
        void endRun() {
            atLineStart = false;
            stripped = 0;
        }

        /** Whether the next character of the value is kept; an LF (plain or escaped) starts a line. */
        boolean keeps(char c) {
            if (!atLineStart) {
                atLineStart = c == '\n';
                return true;
            }
            if (c == ' ') {
                return stripped++ >= minIndent;
            }
            stripped = 0;
            atLineStart = c == '\n';
            return true;
        }
    }

    /** Emits characters {@code [from, to)} of a text token starting at {@code base}, all of one kind. */
    private static void flush(int base, int from, int to, StringSegment.Kind kind, SegmentTableBuilder out) {
        if (kind == StringSegment.Kind.VERBATIM) {
            out.verbatim(base + from, base + to);
        } else if (kind != null) {
            out.skip(kind, base + from, base + to);
        }
    }

    /** Where a final line made only of spaces starts (after the last LF), or the length when there is none. */
    private static int finalSpacesLine(String s) {
        int lf = s.lastIndexOf('\n');
        if (lf < 0) {
            return s.length();
        }
        for (int j = lf + 1; j < s.length(); j++) {
            if (s.charAt(j) != ' ') {
                return s.length();
            }
        }
        return lf + 1;
    }
}
