package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Shift;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.text.TextRange;

/**
 * A full parse of a large program in pieces of about {@link #CHUNK_CHARS} characters, each cut
 * where a top-level statement starts, so that only one piece's ANTLR parse tree and tokens are alive
 * at a time: whole, 10 MB of MCL made a parse tree and token list of gigabytes, whose collection
 * took longer than the parse. The result is used only when it must equal the full parse, as
 * {@link MclIncrementalParser} does for its pieces: every piece parses without a diagnostic (a cut
 * inside a statement leaves one side incomplete). From the first piece with an error on, the rest
 * of the text is parsed whole (the pieces before it ended at statement starts, and how far an
 * error's recovery reaches depends on all that follows it); when that is the first piece, the
 * caller parses the text whole.
 *
 * <p>Where a statement may start, the lexer says: in mgmt 1.1 every statement ends with a
 * {@code NEWLINE} token, so a cut goes after a newline outside all brackets; in mgmt 1.0 newlines
 * are whitespace, and a cut goes only before a word that can do nothing but start a statement
 * ({@code import}, {@code include}, {@code class}, {@code for}, {@code forkv}, {@code panic},
 * {@code collect}, {@code func NAME}), first on its line and outside all brackets.
 */
final class ChunkedParse {
    /** Texts up to this are parsed whole. */
    static final int MIN_CHARS = 256 << 10;
    static final int CHUNK_CHARS = 64 << 10;

    private ChunkedParse() {
    }

    /** The parse of {@code text} built from pieces, or null when the text must be parsed whole. */
    static MclParseResult parse(String text, Dialect dialect) {
        return parse(text, dialect, CHUNK_CHARS);
    }

    /** @param chunkChars the size pieces aim at (tests use small ones) */
    static MclParseResult parse(String text, Dialect dialect, int chunkChars) {
        List<Integer> cuts = cuts(text, dialect, chunkChars);
        if (cuts.isEmpty()) {
            return null;
        }
        List<Stmt> statements = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        List<rxlsp.text.Diagnostic> diagnostics = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.size(); i++) {
            int to = i < cuts.size() ? cuts.get(i) : text.length();
            MclParseResult piece = MclFrontEnd.parseWhole(text.substring(from, to), dialect);
            if (!piece.diagnostics().isEmpty() && to < text.length()) {
                if (i == 0) {
                    return null; // broken from the first piece on: nothing to gain
                }
                // the pieces before parsed clean, so the parse is at a statement start here: the rest
                // is parsed whole (a broken statement may reach far, as an unclosed brace does)
                piece = MclFrontEnd.parseWhole(text.substring(from), dialect);
                to = text.length();
            }
            for (Stmt s : piece.program().statements()) {
                statements.add(Shift.stmt(s, from));
            }
            for (Comment c : piece.program().comments()) {
                comments.add(Shift.comment(c, from));
            }
            for (rxlsp.text.Diagnostic d : piece.diagnostics()) {
                diagnostics.add(d.shifted(from));
            }
            if (to == text.length()) {
                break;
            }
            from = to;
        }
        return new MclParseResult(new Program(new TextRange(0, text.length()), statements, comments), diagnostics, dialect);
    }

    /** Offsets (UTF-16) where a top-level statement may start, about {@code chunkChars} apart. */
    static List<Integer> cuts(String text, Dialect dialect, int chunkChars) {
        MclLexer lexer = MclSyntax.lexer(text, dialect);
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<Integer> cuts = new ArrayList<>();
        int depth = 0;
        int last = 0;
        boolean afterNewline = true; // at the start of the text, as after a newline
        Token pending = null; // 1.0: a `func` first on its line, waiting to see a name after it
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int type = t.getType();
            if (type == MclLexer.COMMENT) {
                continue;
            }
            if (type == MclLexer.NEWLINE) {
                afterNewline = true; // 1.1: a visible NEWLINE; 1.0: hidden, but still the end of a line
                pending = null;
                continue;
            }
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int start = offsets.utf16(t.getStartIndex());
            if (pending != null && type == MclLexer.IDENTIFIER) {
                last = cut(cuts, offsets.utf16(pending.getStartIndex()), last, chunkChars);
            }
            pending = null;
            if (depth == 0 && afterNewline && start - last >= chunkChars) {
                if (!dialect.legacy()) {
                    last = cut(cuts, start, last, chunkChars);
                } else if (statementOnly(type)) {
                    last = cut(cuts, start, last, chunkChars);
                } else if (type == MclLexer.FUNC_IDENTIFIER) {
                    pending = t;
                }
            }
            afterNewline = false;
            switch (type) {
                case MclLexer.OPEN_CURLY, MclLexer.OPEN_PAREN, MclLexer.OPEN_BRACK -> depth++;
                case MclLexer.CLOSE_CURLY, MclLexer.CLOSE_PAREN, MclLexer.CLOSE_BRACK -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
        return cuts;
    }

    private static int cut(List<Integer> cuts, int at, int last, int chunkChars) {
        if (at - last >= chunkChars && at > 0) {
            cuts.add(at);
            return at;
        }
        return last;
    }

    private static boolean statementOnly(int type) {
        return type == MclLexer.IMPORT_IDENTIFIER || type == MclLexer.INCLUDE_IDENTIFIER || type == MclLexer.CLASS_IDENTIFIER
                || type == MclLexer.FOR || type == MclLexer.FORKV || type == MclLexer.PANIC_IDENTIFIER
                || type == MclLexer.COLLECT_IDENTIFIER;
    }
}
