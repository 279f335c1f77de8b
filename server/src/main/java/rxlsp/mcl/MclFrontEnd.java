package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * The MCL front end: text in, {@link Program} and diagnostics out. Lexes once, keeps comments aside,
 * and hands the parser-visible tokens to {@link ErrorRecovery}, which parses them and reports every
 * independent syntax error. A large text is parsed in pieces when that gives the same result
 * ({@link ChunkedParse}).
 */
public final class MclFrontEnd {
    private MclFrontEnd() {
    }

    public static MclParseResult parse(String text, Dialect dialect) {
        if (text.length() > ChunkedParse.MIN_CHARS) {
            MclParseResult chunked = ChunkedParse.parse(text, dialect);
            if (chunked != null) {
                return chunked;
            }
        }
        return parseWhole(text, dialect);
    }

    /** The parse of the text in one piece. */
    static MclParseResult parseWhole(String text, Dialect dialect) {
        MclLexer lexer = MclSyntax.lexer(text, dialect);
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<Token> visible = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                visible.add(t);
            } else if (t.getChannel() == MclLexer.COMMENTS) {
                int start = offsets.utf16(t.getStartIndex());
                comments.add(new Comment(new TextRange(start, offsets.utf16(t.getStopIndex() + 1)), t.getText().substring(1),
                        ownLine(text, start)));
            }
            if (t.getType() == Token.EOF) {
                break;
            }
        }
        // Only the visible tokens go to the parser: hidden ones would only be skipped on every step.
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(visible));
        stream.fill();
        int[] starts = new int[visible.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = visible.get(i).getType() == Token.EOF ? text.length() : offsets.utf16(visible.get(i).getStartIndex());
        }
        MclSyntax.Positions positions = new MclSyntax.Positions(offsets, stream);
        AstBuilder builder = new AstBuilder(positions);
        ErrorRecovery recovery = new ErrorRecovery(new SegmentParser(stream, dialect, positions), visible, builder,
                new SyntaxMessages(visible, starts, dialect));
        List<Stmt> statements = recovery.file();
        List<Diagnostic> diagnostics = new ArrayList<>(recovery.diagnostics());
        diagnostics.addAll(builder.diagnostics());
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new MclParseResult(new Program(new TextRange(0, text.length()), statements, comments), diagnostics, dialect);
    }

    private static boolean ownLine(String text, int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }
}
