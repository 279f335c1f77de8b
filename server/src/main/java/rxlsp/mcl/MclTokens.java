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
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<Lexeme> out = new ArrayList<>();
        for (Token t : MclSyntax.lex(text, dialect)) {
            if (t.getType() == Token.EOF || t.getType() == MclLexer.NEWLINE || t.getType() == MclLexer.WS) {
                continue;
            }
            Kind kind = kind(t.getType());
            int start = offsets.utf16(t.getStartIndex());
            int end = offsets.utf16(t.getStopIndex() + 1);
            if (end > start) {
                out.add(new Lexeme(kind, new TextRange(start, end)));
            }
        }
        return out;
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
