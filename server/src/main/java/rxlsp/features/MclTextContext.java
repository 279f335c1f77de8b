package rxlsp.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the MCL text around a position says, read from the characters, so that it works on a
 * half-typed program the parser could not make sense of (the common case while typing): whether the
 * position is in code, a string, an interpolation or a comment, the word being typed, the blocks
 * around it and the parameters their headers declare.
 *
 * @param state       where the position is
 * @param wordStart   where the word being typed starts ({@code $} and dots included)
 * @param word        the word up to the position
 * @param open        the unclosed brackets before the position, innermost last (their offsets)
 * @param lineStart   true when only blanks precede the word on its line (a statement may start there)
 */
record MclTextContext(State state, int wordStart, String word, List<Integer> open, boolean lineStart) {
    /** How far back headers and blocks are looked for. */
    private static final int MAX_SCAN = 20_000;
    private static final Pattern PARAM = Pattern.compile("\\$([a-z][a-z0-9_]*)");
    private static final Pattern FUNC_HEADER = Pattern.compile("func\\s*(?:[a-z][a-z0-9_]*)?\\s*\\(([^()]*)\\)[^{}]*$");
    private static final Pattern CLASS_HEADER = Pattern.compile("class\\s+[a-z][a-z0-9_:]*\\s*\\(([^()]*)\\)\\s*$");
    private static final Pattern LOOP_HEADER = Pattern.compile("(?:for|forkv)\\s+(\\$[a-z][a-z0-9_]*)\\s*,\\s*(\\$[a-z][a-z0-9_]*)\\s+in\\s[^{}]*$");
    private static final Pattern RESOURCE_HEADER = Pattern.compile("(?:^|\\n)[ \\t]*(?:collect\\s+)?([a-z][a-z0-9_]*(?::[a-z0-9_]+)*)\\s+(?:\"|\\$|\\[)[^{}\\n]*$");

    enum State { CODE, STRING, INTERPOLATION, COMMENT }

    static MclTextContext at(String text, int offset) {
        int end = Math.min(offset, text.length());
        int from = Math.max(0, end - MAX_SCAN);
        // a scan from far back starts at a line start (strings and comments do not span lines there)
        while (from > 0 && text.charAt(from - 1) != '\n') {
            from--;
        }
        State state = State.CODE;
        List<Integer> open = new ArrayList<>();
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            switch (state) {
                case CODE -> {
                    if (c == '"') {
                        state = State.STRING;
                    } else if (c == '#') {
                        state = State.COMMENT;
                    } else if (c == '{' || c == '(' || c == '[') {
                        open.add(i);
                    } else if ((c == '}' || c == ')' || c == ']') && !open.isEmpty()) {
                        open.remove(open.size() - 1);
                    }
                }
                case STRING -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        state = State.CODE;
                    } else if (c == '$' && i + 1 < end && text.charAt(i + 1) == '{') {
                        state = State.INTERPOLATION;
                        i++;
                    }
                }
                case INTERPOLATION -> {
                    if (c == '}') {
                        state = State.STRING;
                    } else if (c == '"' || c == '\n') {
                        state = State.CODE; // broken: an interpolation never spans these
                    }
                }
                case COMMENT -> {
                    if (c == '\n') {
                        state = State.CODE;
                    }
                }
            }
        }
        int start = end;
        while (start > from && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        if (start > from && text.charAt(start - 1) == '$') {
            start--;
        }
        boolean lineStart = true;
        for (int i = start - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                lineStart = false;
                break;
            }
        }
        return new MclTextContext(state, start, text.substring(start, end), List.copyOf(open), lineStart);
    }

    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':';
    }

    /** The word without a leading {@code $}. */
    String name() {
        return word.startsWith("$") ? word.substring(1) : word;
    }

    boolean variable() {
        return word.startsWith("$") || state == State.INTERPOLATION;
    }

    /** The parameters the headers of the unclosed blocks around the position declare (without {@code $}). */
    Set<String> enclosingParameters(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (int brace : open) {
            if (text.charAt(brace) != '{') {
                continue;
            }
            String header = text.substring(lineStartBefore(text, brace, 2), brace);
            for (Pattern p : List.of(FUNC_HEADER, CLASS_HEADER, LOOP_HEADER)) {
                Matcher m = p.matcher(header);
                if (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        Matcher v = PARAM.matcher(m.group(g));
                        while (v.find()) {
                            out.add(v.group(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The resource kind whose body the position is directly in, or null. */
    String resourceKind(String text) {
        if (open.isEmpty() || text.charAt(open.get(open.size() - 1)) != '{') {
            return null;
        }
        int brace = open.get(open.size() - 1);
        Matcher m = RESOURCE_HEADER.matcher(text.substring(lineStartBefore(text, brace, 1), brace));
        return m.find() ? m.group(1) : null;
    }

    /** The offset of the innermost unclosed bracket, or -1. */
    int innermostOpen() {
        return open.isEmpty() ? -1 : open.get(open.size() - 1);
    }

    /** The start of the line {@code lines - 1} lines above the one holding {@code offset}. */
    private static int lineStartBefore(String text, int offset, int lines) {
        int at = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        for (int n = 1; n < lines && at > 0; n++) {
            at = text.lastIndexOf('\n', at - 2) + 1;
        }
        return at;
    }
}
