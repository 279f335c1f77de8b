package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.text.TextRange;

/**
 * The lexical tokens of MCL text, classified for colouring: what mgmt's lexer makes of the
 * characters, comments included, in UTF-16 offsets. Names are classified only as names here; what a
 * name is (a variable, a function, a resource kind) is the syntax tree's and name resolution's word.
 */
public final class MclTokens {
    private MclTokens() {
    }

    public enum Kind { KEYWORD, TYPE_NAME, NAME, CAPITALIZED, DOLLAR, STRING, NUMBER, BOOL, OPERATOR, COMMENT, PUNCTUATION, ERROR }

    /** One token. */
    public record Lexeme(Kind kind, TextRange range) {
    }

    public static List<Lexeme> of(String text, Dialect dialect) {
        List<Lexeme> out = new ArrayList<>();
        scan(text, 0, dialect, (kind, start, end) -> {
            out.add(new Lexeme(kind, new TextRange(start, end)));
            return true;
        });
        return out;
    }

    /** Receives lexemes one by one; returns false to stop the lexer. */
    @FunctionalInterface
    public interface Sink {
        boolean accept(Kind kind, int start, int end);
    }

    /**
     * Lexes {@code text} from {@code from} on, lazily: each lexeme (offsets in {@code text}) goes to
     * {@code sink} as the lexer finds it, until the sink says stop. {@code from} must be where a token
     * starts (or the lexer would start in the middle of one).
     */
    public static void scan(String text, int from, Dialect dialect, Sink sink) {
        String rest = from == 0 ? text : text.substring(from);
        CodePointOffsets offsets = new CodePointOffsets(rest);
        MclLexer lexer = MclSyntax.lexer(rest, dialect);
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() == MclLexer.NEWLINE || t.getType() == MclLexer.WS) {
                continue;
            }
            int start = offsets.utf16(t.getStartIndex());
            int end = offsets.utf16(t.getStopIndex() + 1);
            if (end > start && !sink.accept(kind(t.getType()), from + start, from + end)) {
                return;
            }
        }
    }

    private static Kind kind(int type) {
        return switch (type) {
            case MclLexer.IF, MclLexer.ELSE, MclLexer.AND, MclLexer.OR, MclLexer.NOT, MclLexer.IN, MclLexer.FOR,
                 MclLexer.FORKV, MclLexer.FUNC_IDENTIFIER, MclLexer.CLASS_IDENTIFIER, MclLexer.INCLUDE_IDENTIFIER,
                 MclLexer.IMPORT_IDENTIFIER, MclLexer.AS_IDENTIFIER, MclLexer.PANIC_IDENTIFIER,
                 MclLexer.COLLECT_IDENTIFIER -> Kind.KEYWORD;
            case MclLexer.BOOL_IDENTIFIER, MclLexer.STR_IDENTIFIER, MclLexer.INT_IDENTIFIER, MclLexer.FLOAT_IDENTIFIER,
                 MclLexer.MAP_IDENTIFIER, MclLexer.STRUCT_IDENTIFIER, MclLexer.VARIANT_IDENTIFIER -> Kind.TYPE_NAME;
            case MclLexer.IDENTIFIER -> Kind.NAME;
            case MclLexer.CAPITALIZED_IDENTIFIER -> Kind.CAPITALIZED;
            case MclLexer.DOLLAR -> Kind.DOLLAR;
            case MclLexer.STRING -> Kind.STRING;
            case MclLexer.INTEGER, MclLexer.FLOAT -> Kind.NUMBER;
            case MclLexer.BOOL -> Kind.BOOL;
            case MclLexer.COMMENT -> Kind.COMMENT;
            case MclLexer.ELVIS, MclLexer.EXCEPT, MclLexer.DEFAULT, MclLexer.ROCKET, MclLexer.EQUALS, MclLexer.PLUS,
                 MclLexer.MINUS, MclLexer.MULTIPLY, MclLexer.DIVIDE, MclLexer.EQ, MclLexer.NEQ, MclLexer.LT, MclLexer.GT,
                 MclLexer.LTE, MclLexer.GTE, MclLexer.ARROW -> Kind.OPERATOR;
            case MclLexer.ERROR -> Kind.ERROR;
            default -> Kind.PUNCTUATION;
        };
    }
}
