package rxlsp.mcl;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.grammar.MclLexer;

/**
 * Which bracket closes which, over the parser-visible tokens of a file, for error recovery: it finds
 * the end of a block and skips nested groups when looking for the next statement. Broken input is
 * matched as sensibly as a flat scan allows: a closer pops openers of other kinds left open inside its
 * own group (they end just before it), a closer with no opener of its kind is left alone, and openers
 * never closed end at the last token (EOF).
 */
final class Brackets {
    private final int[] close;

    Brackets(List<Token> tokens) {
        close = new int[tokens.size()];
        Arrays.fill(close, -1);
        Deque<Integer> open = new ArrayDeque<>(); // an explicit stack: nesting depth must not matter
        int[] openOfType = new int[MclLexer.VOCABULARY.getMaxTokenType() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            int opener = openerOf(type);
            if (isOpener(type)) {
                open.push(i);
                openOfType[type]++;
            } else if (opener >= 0 && openOfType[opener] > 0) {
                while (tokens.get(open.peek()).getType() != opener) {
                    int o = open.pop();
                    openOfType[tokens.get(o).getType()]--;
                    close[o] = i - 1;
                }
                openOfType[opener]--;
                close[open.pop()] = i;
            }
        }
        int last = tokens.size() - 1;
        open.forEach(o -> close[o] = last);
    }

    /** The index of the token closing the opener at {@code index}; -1 when it is no opener. */
    int close(int index) {
        return index >= 0 && index < close.length ? close[index] : -1;
    }

    private static boolean isOpener(int type) {
        return type == MclLexer.OPEN_CURLY || type == MclLexer.OPEN_PAREN || type == MclLexer.OPEN_BRACK;
    }

    private static int openerOf(int type) {
        return switch (type) {
            case MclLexer.CLOSE_CURLY -> MclLexer.OPEN_CURLY;
            case MclLexer.CLOSE_PAREN -> MclLexer.OPEN_PAREN;
            case MclLexer.CLOSE_BRACK -> MclLexer.OPEN_BRACK;
            default -> -1;
        };
    }
}
