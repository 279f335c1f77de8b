package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Shift;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.ChangedSpan;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * Parses successive versions of one MCL text (an open document, or the program an rx.nix configuration
 * assembles), reparsing only the top-level statements an edit touches.
 *
 * <p>The edit is found by comparing the new text with the last one (common prefix and suffix). The
 * statements it touches, widened by one untouched statement on each side, are lexed and parsed as a
 * text of their own (from the first one's start to the start of the statement after the last); the statements before are kept and the ones after are moved by the change in
 * length. The result is used only when it must equal a full parse: the last version had no
 * diagnostic from the piece on (earlier ones are kept), the piece parses without any, and the
 * untouched statements at its two ends come out with exactly their old extent (so no statement grew
 * across the piece's borders). Otherwise, and
 * when the piece would be the whole text, the text is parsed in full. A full parse of a 5,000-line
 * program allocates a parse tree of about 11 MB; collecting it is what made the editor's re-analysis
 * times jump (see bench/README.md).
 *
 * <p>Not thread-safe: one parse at a time per instance.
 */
public final class MclIncrementalParser {
    private String lastText;
    private MclParseResult last;

    public MclParseResult parse(String text, Dialect dialect) {
        MclParseResult result = null;
        if (last != null && last.dialect() == dialect) {
            if (text.equals(lastText)) {
                return last;
            }
            result = reparse(lastText, last, text);
        }
        if (result == null) {
            result = MclFrontEnd.parse(text, dialect);
        }
        lastText = text;
        last = result;
        return result;
    }

    /** The parse of {@code text} built from {@code old}'s, or {@code null} when it has to be parsed in full. */
    static MclParseResult reparse(String oldText, MclParseResult old, String text) {
        List<Stmt> statements = old.program().statements();
        int n = statements.size();
        if (n < 3) {
            return null;
        }
        ChangedSpan changed = ChangedSpan.between(oldText, text);
        int prefix = changed.prefix();
        int suffix = changed.suffix();
        int editEnd = oldText.length() - suffix; // in the old text
        int delta = text.length() - oldText.length();

        int first = 0; // the first statement that ends at or after the edit, then one more before it
        while (first < n && statements.get(first).range().end() < prefix) {
            first++;
        }
        first = Math.max(first - 1, 0);
        int lastTouched = n - 1; // the last statement that starts at or before the edit's end, then one more
        while (lastTouched >= 0 && statements.get(lastTouched).range().start() > editEnd) {
            lastTouched--;
        }
        int end = Math.min(lastTouched + 1, n - 1);
        if (end < first) {
            end = first;
        }
        if (first == 0 && end == n - 1) {
            return null;
        }
        int from = first == 0 ? 0 : statements.get(first).range().start();
        // up to the next statement: the piece keeps the newline that ends its last statement (mgmt 1.1)
        int toOld = end == n - 1 ? oldText.length() : statements.get(end + 1).range().start();
        int to = toOld + delta;
        if (from > prefix || toOld < editEnd || to < from) {
            return null;
        }
        // an earlier error stays as it was (what follows it was parsed from a statement start, which
        // the check of the first statement's extent below confirms); one at or after the piece may
        // have its cause in the piece (an unclosed bracket is reported at the end of the file), so
        // the text from the piece on is then parsed again
        for (Diagnostic d : old.diagnostics()) {
            if (d.range().end() > from || d.range().start() >= from) {
                return suffix(old, text, first, from);
            }
        }

        MclParseResult piece = MclFrontEnd.parse(text.substring(from, to), old.dialect());
        List<Stmt> parsed = piece.program().statements();
        if (parsed.isEmpty() || !piece.diagnostics().isEmpty()) {
            // an error in the piece: how far its recovery reaches depends on what follows the piece
            return suffix(old, text, first, from);
        }
        if (first > 0 && !statements.get(first).range().equals(parsed.getFirst().range().shifted(from))) {
            return null;
        }
        if (end < n - 1 && !statements.get(end).range().shifted(delta).equals(parsed.getLast().range().shifted(from))) {
            return suffix(old, text, first, from); // the piece's last statement grew
        }

        List<Stmt> spliced = keptThenParsed(statements, first, parsed, from);
        for (Stmt s : statements.subList(end + 1, n)) {
            spliced.add(Shift.stmt(s, delta));
        }
        List<Comment> comments = keptThenParsed(old.program(), piece.program(), from);
        for (Comment c : old.program().comments()) {
            if (c.range().start() >= toOld) {
                comments.add(Shift.comment(c, delta));
            }
        }
        return new MclParseResult(new Program(new TextRange(0, text.length()), spliced, comments), old.diagnostics(),
                old.dialect());
    }


    /**
     * When the piece cannot be spliced (it has an error, which may reach to the end of the file as an
     * unclosed brace does, or an error after it may have its cause in it): the text from the piece's
     * first statement to the end is parsed (in pieces itself when large, see {@link ChunkedParse}),
     * and the statements before it are kept: the parse up to a statement start depends only on the
     * text before it, which did not change. Null (a full parse) when that is the whole text, when
     * the text before the piece had an error (what the recovery took for statements there is no
     * sure start), or when the kept statement at the start does not keep its extent.
     */
    private static MclParseResult suffix(MclParseResult old, String text, int first, int from) {
        if (first == 0) {
            return null;
        }
        for (Diagnostic d : old.diagnostics()) {
            if (d.range().start() < from) {
                // after an earlier error the statements the recovery found need not start where a
                // parse of what follows would: only a clean start is a statement start for sure
                return null;
            }
        }
        List<Stmt> statements = old.program().statements();
        MclParseResult rest = MclFrontEnd.parse(text.substring(from), old.dialect());
        List<Stmt> parsed = rest.program().statements();
        if (parsed.isEmpty() || !statements.get(first).range().equals(parsed.getFirst().range().shifted(from))) {
            return null;
        }
        List<Stmt> spliced = keptThenParsed(statements, first, parsed, from);
        List<Comment> comments = keptThenParsed(old.program(), rest.program(), from);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (var d : rest.diagnostics()) {
            diagnostics.add(d.shifted(from));
        }
        diagnostics.sort(Diagnostic.BY_POSITION);
        return new MclParseResult(new Program(new TextRange(0, text.length()), spliced, comments), diagnostics, old.dialect());
    }

    /** The first {@code kept} statements, then the parsed ones moved to {@code from}. */
    private static List<Stmt> keptThenParsed(List<Stmt> statements, int kept, List<Stmt> parsed, int from) {
        List<Stmt> out = new ArrayList<>(statements.size() + parsed.size());
        out.addAll(statements.subList(0, kept));
        for (Stmt s : parsed) {
            out.add(Shift.stmt(s, from));
        }
        return out;
    }

    /** The old program's comments before {@code from}, then the parsed piece's moved there. */
    private static List<Comment> keptThenParsed(Program old, Program parsed, int from) {
        List<Comment> out = new ArrayList<>();
        for (Comment c : old.comments()) {
            if (c.range().end() <= from) {
                out.add(c);
            }
        }
        for (Comment c : parsed.comments()) {
            out.add(Shift.comment(c, from));
        }
        return out;
    }
}
