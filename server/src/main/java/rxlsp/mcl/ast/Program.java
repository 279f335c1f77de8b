package rxlsp.mcl.ast;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.TextRange;

/**
 * A parsed MCL file: its top-level statements (only those that parsed, when the file has errors) and
 * every comment in it.
 */
public record Program(TextRange range, List<Stmt> statements, List<Comment> comments) implements Node {
    public Program {
        statements = List.copyOf(statements);
        comments = List.copyOf(comments);
    }

    /**
     * The comments that document a statement: the comments on lines of their own between it and
     * whatever precedes it (the previous statement, or an opening brace). Computed from the
     * ranges on demand, so the tree stays free of back references.
     *
     * @param previousEnd where the preceding code ends (the previous statement's end, or 0)
     */
    public List<Comment> leadingComments(Stmt statement, int previousEnd) {
        List<Comment> out = new ArrayList<>();
        for (Comment c : comments) {
            if (c.ownLine() && c.range().start() >= previousEnd && c.range().end() <= statement.range().start()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Leading comments of a top-level statement. */
    public List<Comment> leadingComments(Stmt statement) {
        int previousEnd = 0;
        for (Stmt s : statements) {
            if (s == statement) {
                break;
            }
            previousEnd = s.range().end();
        }
        return leadingComments(statement, previousEnd);
    }
}
