package rxlsp.embed;

import java.util.List;
import java.util.regex.Pattern;
import rxlsp.text.TextRange;

/**
 * Replaces Nix holes in MCL text by MCL of exactly the same length, so offsets stay valid and the
 * parser sees something it accepts: inside an MCL string a hole is more text ({@code xxxx}); inside a
 * comment, or alone on its lines (statements Nix generates), it is blank; elsewhere it is a variable
 * {@code $h0…0} that the checkers treat as a value of unknown type.
 */
public final class HolePlaceholders {
    /** The names the placeholders use; no checker reports them as undefined. */
    public static final Pattern NAME = Pattern.compile("h0+");

    private HolePlaceholders() {
    }

    public static String apply(String text, List<TextRange> holes) {
        return apply(text, holes, false);
    }

    /**
     * @param expression true when the text is one MCL expression (a var value): a hole there is
     *                   always a value, even alone on its line
     */
    public static String apply(String text, List<TextRange> holes, boolean expression) {
        if (holes.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        int at = 0;
        State state = State.CODE;
        for (TextRange hole : holes) {
            state = scan(out, at, hole.start(), state);
            String replacement = switch (state) {
                case STRING -> fill(text, hole, 'x');
                case COMMENT -> fill(text, hole, ' ');
                case CODE -> !expression && aloneOnLine(text, hole) ? fill(text, hole, ' ') : variable(hole.length());
            };
            out.replace(hole.start(), hole.end(), replacement);
            at = hole.end();
        }
        return out.toString();
    }

    private enum State { CODE, STRING, COMMENT }

    private static State scan(CharSequence s, int from, int to, State start) {
        State state = start;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (state) {
                case CODE -> {
                    if (c == '"') {
                        state = State.STRING;
                    } else if (c == '#') {
                        state = State.COMMENT;
                    }
                }
                case STRING -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        state = State.CODE;
                    }
                }
                case COMMENT -> {
                    if (c == '\n') {
                        state = State.CODE;
                    }
                }
            }
        }
        return state;
    }

    /** Same length; line breaks kept inside strings (MCL strings may span lines), blanked elsewhere. */
    private static String fill(String text, TextRange hole, char with) {
        StringBuilder b = new StringBuilder(hole.length());
        for (int i = hole.start(); i < hole.end(); i++) {
            char c = text.charAt(i);
            b.append(c == '\n' && with == 'x' ? '\n' : with);
        }
        return b.toString();
    }

    private static boolean aloneOnLine(String text, TextRange hole) {
        for (int i = hole.start() - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        for (int i = hole.end(); i < text.length() && text.charAt(i) != '\n'; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * MCL of exactly {@code length} characters that stands for a value of unknown type (blanks when
     * too short for a name).
     */
    public static String unknownValue(int length) {
        return variable(length);
    }

    private static String variable(int length) {
        if (length < 3) {
            return " ".repeat(length);
        }
        return "$h" + "0".repeat(length - 2);
    }
}
