package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.mcl.grammar.MclParser;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * The MCL front end: text in, {@link Program} and diagnostics out.
 *
 * <p>Error recovery works statement by statement. The first parse covers the whole file, so its first
 * error is exactly the one mgmt reports. After an error the parse restarts at the next line that
 * begins, in column 0, with a token that can start a statement, and so on; each restart contributes
 * its first error and the statements that parsed before it. Restarting rather than trusting ANTLR's
 * in-rule recovery avoids cascades of errors that are only echoes of the first. Restarts are bounded
 * (count and tokens re-read) so that a large broken file stays fast.
 */
public final class MclFrontEnd {
    private static final int MAX_RESTARTS = 100;
    private static final Set<Integer> STATEMENT_STARTS = Set.of(MclLexer.DOLLAR, MclLexer.IDENTIFIER,
            MclLexer.CAPITALIZED_IDENTIFIER, MclLexer.IF, MclLexer.FOR, MclLexer.FORKV, MclLexer.FUNC_IDENTIFIER,
            MclLexer.CLASS_IDENTIFIER, MclLexer.INCLUDE_IDENTIFIER, MclLexer.IMPORT_IDENTIFIER,
            MclLexer.PANIC_IDENTIFIER, MclLexer.COLLECT_IDENTIFIER);

    private MclFrontEnd() {
    }

    public static MclParseResult parse(String text, Dialect dialect) {
        List<Token> all = MclSyntax.lex(text, dialect);
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<Token> visible = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        for (Token t : all) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                visible.add(t);
            } else if (t.getChannel() == MclLexer.COMMENTS) {
                int start = offsets.utf16(t.getStartIndex());
                comments.add(new Comment(new TextRange(start, offsets.utf16(t.getStopIndex() + 1)), t.getText().substring(1),
                        ownLine(text, start)));
            }
        }
        int[] starts = new int[visible.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = visible.get(i).getType() == Token.EOF ? text.length() : offsets.utf16(visible.get(i).getStartIndex());
        }
        SyntaxMessages messages = new SyntaxMessages(visible, starts, dialect);

        List<Stmt> statements = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        boolean crlfReported = false;
        long budget = Math.max(5L * all.size(), 2_000_000L);
        int from = 0;
        for (int restart = 0; ; restart++) {
            MclSyntax.Result result = MclSyntax.parseTokens(offsets, dialect, all, from);
            MclSyntax.Positions positions = new MclSyntax.Positions(offsets, result.tokens());
            AstBuilder builder = new AstBuilder(positions);
            if (result.syntaxOk()) {
                statements.addAll(build(builder, result.tree().prog().stmt(), Integer.MAX_VALUE, diagnostics));
                result.errors().forEach(e -> diagnostics.add(messages.describe(e)));
                diagnostics.addAll(builder.diagnostics());
                break;
            }
            SyntaxError first = result.errors().get(0);
            Diagnostic described = messages.describe(first);
            boolean crlf = described.code().equals("mcl-crlf");
            if (!(crlf && crlfReported)) {
                diagnostics.add(described);
            }
            crlfReported |= crlf;
            if (result.tree() != null) {
                statements.addAll(build(builder, result.tree().prog().stmt(), first.range().start(), diagnostics));
                diagnostics.addAll(builder.diagnostics());
            }
            budget -= all.size() - from;
            from = nextStatementStart(all, from, first.line());
            if (from < 0 || restart >= MAX_RESTARTS || budget <= 0) {
                break;
            }
        }
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new MclParseResult(new Program(new TextRange(0, text.length()), statements, comments), diagnostics, dialect);
    }

    /** Builds the statements that end before {@code errorOffset}; a statement too deep becomes a diagnostic. */
    private static List<Stmt> build(AstBuilder builder, List<MclParser.StmtContext> contexts, int errorOffset,
                                    List<Diagnostic> diagnostics) {
        List<Stmt> out = new ArrayList<>();
        for (MclParser.StmtContext ctx : contexts) {
            if (ctx.exception != null || ctx.getStop() == null) {
                continue;
            }
            TextRange range = builder.range(ctx);
            if (range.end() > errorOffset) {
                continue;
            }
            try {
                out.add(builder.stmt(ctx));
            } catch (AstBuilder.TooDeep | StackOverflowError deep) {
                diagnostics.add(Diagnostic.error(TextRange.at(range.start()), "mcl", "syntax", "mcl-too-deep",
                        "nested too deeply: rx-lsp stops parsing brackets, parentheses or blocks this deep"));
            } catch (RuntimeException incomplete) {
                // a statement the parser recovered inside: it is not part of the tree
            }
        }
        return out;
    }

    private static boolean ownLine(String text, int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The index of the first statement-starting token in column 0 on a line after {@code line}, or -1. */
    private static int nextStatementStart(List<Token> all, int from, int line) {
        for (int i = from; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.getLine() > line && t.getCharPositionInLine() == 0 && t.getChannel() == Token.DEFAULT_CHANNEL
                    && STATEMENT_STARTS.contains(t.getType())) {
                return i;
            }
        }
        return -1;
    }
}
