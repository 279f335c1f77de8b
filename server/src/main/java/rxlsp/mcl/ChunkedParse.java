package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Shift;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.text.DiagnosticCodes;
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
        Scan scan = scan(text, dialect, chunkChars, false);
        List<Integer> cuts = scan.cuts();
        Assembly out = new Assembly();
        if (cuts.isEmpty()) {
            // one statement: whole, unless it is broken for sure (a bracket never closed, a stray `"`)
            return text.length() > WHOLE_LIMIT && scan.broken() ? approximate(text, dialect, chunkChars, 0, out) : null;
        }
        int from = 0;
        MclParseResult ready = null; // the next piece, when a window around an error parsed it already
        for (int i = 0; i <= cuts.size(); i++) {
            int to = i < cuts.size() ? cuts.get(i) : text.length();
            MclParseResult piece = ready != null ? ready : MclFrontEnd.parseWhole(text.substring(from, to), dialect);
            ready = null;
            if (!piece.diagnostics().isEmpty() && to < text.length()) {
                Confined confined = confined(text, dialect, cuts, i, from);
                if (confined != null) {
                    piece = confined.result();
                    to = confined.end();
                    i = confined.nextPiece() - 1; // the loop goes on with that piece
                    ready = confined.next();
                } else if (text.length() - from > WHOLE_LIMIT) {
                    return approximate(text, dialect, chunkChars, from, out);
                } else if (i == 0) {
                    return null; // broken from the first piece on, as far as can be seen: nothing to gain
                } else {
                    // the pieces before parsed clean, so the parse is at a statement start here: the
                    // rest is parsed whole (a broken statement may reach far, as an unclosed brace does)
                    piece = MclFrontEnd.parseWhole(text.substring(from), dialect);
                    to = text.length();
                }
            }
            out.add(piece, from, true);
            if (to == text.length()) {
                break;
            }
            from = to;
        }
        return out.result(text, dialect);
    }

    /** The statements, comments and diagnostics of the pieces parsed so far, in offsets of the whole text. */
    private static final class Assembly {
        final List<Stmt> statements = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();
        final List<rxlsp.text.Diagnostic> diagnostics = new ArrayList<>();

        /** @param endOfFile whether the piece's end is the text's (else an end-of-file error there is only the cut) */
        void add(MclParseResult piece, int at, boolean endOfFile) {
            piece.program().statements().forEach(s -> statements.add(Shift.stmt(s, at)));
            piece.program().comments().forEach(c -> comments.add(Shift.comment(c, at)));
            piece.diagnostics().stream()
                    .filter(d -> endOfFile || !d.code().equals(DiagnosticCodes.MCL_UNEXPECTED_EOF))
                    .forEach(d -> diagnostics.add(d.shifted(at)));
        }

        MclParseResult result(String text, Dialect dialect) {
            diagnostics.sort(rxlsp.text.Diagnostic.BY_POSITION);
            return new MclParseResult(new Program(new TextRange(0, text.length()), statements, comments), diagnostics, dialect);
        }
    }

    /** How many pieces a window around a syntax error may take before the rest is parsed whole. */
    static final int MAX_WINDOW_PIECES = 8;

    /**
     * The parse of the text from where a broken piece starts to {@code end}, and the index of the
     * piece the parse goes on with (the one starting at {@code end}) with its parse, when there is one.
     */
    private record Confined(MclParseResult result, int end, int nextPiece, MclParseResult next) {
    }

    /**
     * Piece {@code i} (from {@code from} to {@code cuts[i]}) has a syntax error, whose cause may be the
     * cut after it (a statement going on past it) and whose recovery may reach into the pieces after
     * it. A window from {@code from} is widened one piece at a time until its last piece is untouched
     * by the error: that piece parses without a diagnostic on its own, and the window's parse has none
     * in it and the same statements there. What the window found before that piece is then the answer,
     * and the parse goes on with that piece: memory stays a few pieces' worth instead of the rest of
     * the text (10 MB of MCL with one typo needed more than a 1 GB heap parsed whole). A window that
     * reaches the end of the text is the answer as it is. Null when the window would grow past
     * {@link #MAX_WINDOW_PIECES}.
     */
    private static Confined confined(String text, Dialect dialect, List<Integer> cuts, int i, int from) {
        for (int m = i + 1; m <= cuts.size() && m - i <= MAX_WINDOW_PIECES; m++) {
            int lastStart = cuts.get(m - 1); // piece m runs from cuts[m - 1] to cuts[m] (or the end)
            int windowEnd = m < cuts.size() ? cuts.get(m) : text.length();
            if (windowEnd == text.length()) {
                return new Confined(MclFrontEnd.parseWhole(text.substring(from), dialect), text.length(), cuts.size() + 1, null);
            }
            MclParseResult last = MclFrontEnd.parseWhole(text.substring(lastStart, windowEnd), dialect);
            if (!last.diagnostics().isEmpty()) {
                continue;
            }
            MclParseResult window = MclFrontEnd.parseWhole(text.substring(from, windowEnd), dialect);
            int border = lastStart - from;
            if (window.diagnostics().stream().anyMatch(d -> d.range().end() > border)) {
                continue;
            }
            List<Stmt> tail = window.program().statements().stream().filter(st -> st.range().end() > border).toList();
            List<Stmt> alone = last.program().statements();
            boolean same = tail.size() == alone.size();
            for (int k = 0; k < tail.size() && same; k++) {
                same = tail.get(k).range().equals(alone.get(k).range().shifted(border));
            }
            if (!same) {
                continue;
            }
            List<Stmt> before = window.program().statements().stream().filter(st -> st.range().end() <= border).toList();
            List<Comment> beforeComments = window.program().comments().stream().filter(c -> c.range().end() <= border).toList();
            return new Confined(new MclParseResult(new Program(new TextRange(0, border), before, beforeComments),
                    window.diagnostics(), dialect), lastStart, m, last);
        }
        return null;
    }

    /**
     * Above this many characters, the text after a syntax error whose reach cannot be confined (an
     * unclosed bracket or string turns all that follows into one statement) is not parsed whole.
     */
    static final int WHOLE_LIMIT = 1 << 20;

    /**
     * The text from {@code from} on, parsed in pieces cut at line starts whatever the brackets, each
     * on its own: the parse of the whole text would need gigabytes (an ANTLR parse tree over megabytes
     * of tokens, collected only when done), and after such an error what follows is not a program
     * anyway. Errors there may then be reported where a whole parse would not report them; the
     * statements before {@code from} and the first error are as in a whole parse.
     */
    private static MclParseResult approximate(String text, Dialect dialect, int chunkChars, int from, Assembly out) {
        String rest = text.substring(from);
        Scan scan = scan(rest, dialect, chunkChars, true);
        List<Integer> cuts = new ArrayList<>(scan.cuts());
        cuts.add(rest.length());
        int start = 0;
        for (int end : cuts) {
            out.add(MclFrontEnd.parseWhole(rest.substring(start, end), dialect), from + start, end == rest.length());
            start = end;
        }
        if (scan.unclosed() && out.diagnostics.stream().noneMatch(d -> d.range().start() == text.length())) {
            out.diagnostics.add(rxlsp.text.Diagnostic.error(TextRange.at(text.length()), "mcl", "syntax",
                    DiagnosticCodes.MCL_UNEXPECTED_EOF, "unexpected end of file, expecting `" + scan.innermostCloser() + "`"));
        }
        return out.result(text, dialect);
    }

    /** Offsets (UTF-16) where a top-level statement may start, about {@code chunkChars} apart. */
    static List<Integer> cuts(String text, Dialect dialect, int chunkChars) {
        return scan(text, dialect, chunkChars, false).cuts();
    }

    /** Where the text may be cut, and whether a bracket is still open at its end (an error for sure). */
    private record Scan(List<Integer> cuts, String innermostCloser, boolean strayCharacter) {
        boolean unclosed() {
            return innermostCloser != null;
        }

        /** An error for sure, whatever the parser makes of it. */
        boolean broken() {
            return unclosed() || strayCharacter;
        }
    }

    /** @param anyDepth cut also inside brackets (where no statement can start: see {@link #approximate}) */
    private static Scan scan(String text, Dialect dialect, int chunkChars, boolean anyDepth) {
        MclLexer lexer = MclSyntax.lexer(text, dialect);
        CodePointOffsets offsets = new CodePointOffsets(text);
        List<Integer> cuts = new ArrayList<>();
        int depth = 0;
        java.util.ArrayDeque<String> closers = new java.util.ArrayDeque<>(); // of the brackets open, innermost first
        boolean stray = false; // a character no token takes (an unpaired `"` among them)
        int last = 0;
        boolean afterNewline = true; // at the start of the text, as after a newline
        Token pending = null; // 1.0: a `func` first on its line, waiting to see a name after it
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int type = t.getType();
            stray |= type == MclLexer.ERROR;
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
            if ((depth == 0 || anyDepth) && afterNewline && start - last >= chunkChars) {
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
                case MclLexer.OPEN_CURLY, MclLexer.OPEN_PAREN, MclLexer.OPEN_BRACK -> {
                    depth++;
                    closers.push(type == MclLexer.OPEN_CURLY ? "}" : type == MclLexer.OPEN_PAREN ? ")" : "]");
                }
                case MclLexer.CLOSE_CURLY, MclLexer.CLOSE_PAREN, MclLexer.CLOSE_BRACK -> {
                    depth = Math.max(0, depth - 1);
                    closers.poll();
                }
                default -> {
                }
            }
        }
        return new Scan(cuts, depth > 0 ? closers.peek() : null, stray);
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
