package rxlsp.mcl.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.MclType;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;

/**
 * Prints a freshly parsed program in mgmt's canonical layout ({@code mgmt fmt}, mgmt's
 * {@code lang/format}): a tab per nesting level; one blank line where the author left one or more;
 * lists, maps, structs, argument and parameter lists, function bodies and {@code if} expressions
 * single-line or multi-line as the author wrote them (multi-line when the first element starts on a
 * later line than the opener, or a comment sits inside); resource bodies one item per line; empty
 * bodies and containers compact unless they hold a comment; parentheses exactly where they were.
 *
 * <p>Comments are woven back in by source row, as mgmt does: a comment on the row where an output line
 * ends is printed after it ({@code code # text}); every other comment goes on a line of its own, at the
 * depth of the code around it, before the first code that follows it in the source. Their text is
 * never changed.
 *
 * <p>The mgmt 1.0 dialect is printed in the same layout with its own commas: after every list, map and
 * struct element (also on one line), and between (not after) the arguments and parameters of a
 * multi-line list of them.
 */
final class Printer {
    private final SourceLayout layout;
    private final Dialect dialect;
    private final List<Comment> comments;
    private final int[] commentRows;
    private final StringBuilder out = new StringBuilder();
    /** The first comment not printed yet. */
    private int next;
    /** The source row of the last content printed, -1 before any. */
    private int lastRow = -1;
    /** True once a line was printed: no blank line is put before the first. */
    private boolean started;

    private Printer(Program program, String text, Dialect dialect) {
        List<Comment> sorted = new ArrayList<>(program.comments());
        sorted.sort(Comparator.comparingInt(c -> c.range().start()));
        this.comments = sorted;
        this.layout = new SourceLayout(text, sorted);
        this.dialect = dialect;
        this.commentRows = sorted.stream().mapToInt(c -> layout.row(c.range().start())).toArray();
    }

    /**
     * The program's canonical text.
     *
     * @param text the text {@code program} was parsed from (its ranges refer to it)
     * @throws Unformattable when part of the tree has no exact printed form
     */
    static String print(Program program, String text, Dialect dialect) {
        Printer p = new Printer(program, text, dialect);
        p.statements(program.statements(), 0);
        p.flushComments(-1, 0);
        return p.out.toString();
    }

    // ------------------------------------------------------------------ lines, blank lines, comments

    private void indent(int depth) {
        for (int i = 0; i < depth; i++) {
            out.append('\t');
        }
    }

    /** One blank line when the source had at least one between the last printed content and {@code row}. */
    private void gap(int row) {
        if (started && lastRow >= 0 && row > lastRow + 1) {
            out.append('\n');
        }
    }

    /** Prints the pending comments before source row {@code row} (all of them for -1), each on its own line. */
    private void flushComments(int row, int depth) {
        while (next < comments.size() && (row < 0 || commentRows[next] < row)) {
            int r = commentRows[next];
            gap(r);
            indent(depth);
            out.append('#').append(comments.get(next).text()).append('\n');
            next++;
            lastRow = r;
            started = true;
        }
    }

    private boolean hasCommentBefore(int row) {
        return next < comments.size() && commentRows[next] < row;
    }

    /** Ends an output line whose content ends on source row {@code row}, with that row's comment if any. */
    private void endLine(int row) {
        if (next < comments.size() && commentRows[next] == row) {
            out.append(" #").append(comments.get(next).text());
            next++;
        }
        out.append('\n');
        lastRow = row;
        started = true;
    }

    /** Prints the closing brace of a block after the comments inside it; no line break after it. */
    private void closeBlock(int closeRow, int depth) {
        flushComments(closeRow, depth + 1);
        gap(closeRow);
        indent(depth);
        out.append('}');
        lastRow = closeRow;
    }

    // ------------------------------------------------------------------ statements

    private void statements(List<Stmt> body, int depth) {
        for (Stmt s : body) {
            int start = layout.startRow(s);
            flushComments(start, depth);
            gap(start);
            statement(s, depth);
        }
    }

    /** A {@code { … }} block of statements after a header; {@code open} and {@code close} are its braces. */
    private void block(List<Stmt> body, int open, int close, int depth) {
        int openRow = layout.row(open);
        int closeRow = layout.row(close);
        if (body.isEmpty() && !hasCommentBefore(closeRow)) {
            out.append(" {}");
            lastRow = Math.max(lastRow, closeRow);
            return;
        }
        out.append(" {");
        endLine(openRow);
        statements(body, depth + 1);
        closeBlock(closeRow, depth);
    }

    /** The closing brace of a block whose opening brace is at {@code open}. */
    private int closeBrace(List<Stmt> body, int open) {
        return layout.expect(body.isEmpty() ? open + 1 : body.get(body.size() - 1).range().end(), "}");
    }

    private void statement(Stmt s, int depth) {
        switch (s) {
            case Stmt.Bind b -> {
                indent(depth);
                out.append('$').append(b.name());
                if (b.type() != null) {
                    out.append(' ').append(type(b.type()));
                }
                out.append(" = ");
                expr(b.value(), depth);
                endLine(layout.endRow(b));
            }
            case Stmt.Resource r -> resource(r, s, depth);
            case Stmt.Collect c -> resource(c.resource(), s, depth);
            case Stmt.EdgeChain e -> {
                indent(depth);
                for (int i = 0; i < e.halves().size(); i++) {
                    if (i > 0) {
                        out.append(" -> ");
                    }
                    edgeHalf(e.halves().get(i), depth);
                }
                endLine(layout.endRow(e));
            }
            case Stmt.SendRecv sr -> {
                indent(depth);
                edgeHalf(sr.from(), depth);
                out.append('.').append(sr.sendField()).append(" -> ");
                edgeHalf(sr.to(), depth);
                out.append('.').append(sr.recvField());
                endLine(layout.endRow(sr));
            }
            case Stmt.If i -> ifStatement(i, depth);
            case Stmt.For f -> loop("for $" + f.index().name() + ", $" + f.value().name() + " in ", f.list(), f.body(), f, depth);
            case Stmt.ForKv f -> loop("forkv $" + f.key().name() + ", $" + f.value().name() + " in ", f.map(), f.body(), f, depth);
            case Stmt.Func f -> {
                indent(depth);
                out.append("func ").append(f.name());
                int open = layout.expect(f.nameRange().end(), "(");
                signature(f.params(), f.result(), f.body(), layout.startRow(f), closeParen(f.params(), open), depth);
                endLine(layout.endRow(f));
            }
            case Stmt.Class c -> {
                indent(depth);
                out.append("class ").append(String.join(":", c.path()));
                int afterHeader = c.nameRange().end();
                int open;
                if (c.params() != null) {
                    int close = closeParen(c.params(), layout.expect(afterHeader, "("));
                    open = layout.expect(close + 1, "{");
                    params(c.params(), layout.startRow(c), layout.row(open), depth);
                } else {
                    open = layout.expect(afterHeader, "{");
                }
                block(c.body(), open, closeBrace(c.body(), open), depth);
                endLine(layout.endRow(c));
            }
            case Stmt.Include i -> {
                indent(depth);
                out.append("include ").append(i.name());
                if (i.args() != null) {
                    arguments(i.args(), layout.startRow(i), layout.endRow(i), depth);
                }
                if (i.alias() != null) {
                    out.append(" as ").append(i.alias());
                }
                endLine(layout.endRow(i));
            }
            case Stmt.Import i -> {
                indent(depth);
                out.append("import \"").append(i.path()).append('"');
                if (i.alias() != null) {
                    out.append(" as ").append(i.alias());
                }
                endLine(layout.endRow(i));
            }
            case Stmt.Panic p -> {
                indent(depth);
                out.append("panic");
                arguments(p.args(), layout.startRow(p), layout.endRow(p), depth);
                endLine(layout.endRow(p));
            }
        }
    }

    private void ifStatement(Stmt.If i, int depth) {
        indent(depth);
        out.append("if ");
        expr(i.condition(), depth);
        int thenOpen = layout.expect(i.condition().range().end(), "{");
        int thenClose = closeBrace(i.then(), thenOpen);
        block(i.then(), thenOpen, thenClose, depth);
        if (i.otherwise() != null) {
            int elseOpen = layout.expect(layout.expect(thenClose + 1, "else") + "else".length(), "{");
            out.append(" else");
            block(i.otherwise(), elseOpen, closeBrace(i.otherwise(), elseOpen), depth);
        }
        endLine(layout.endRow(i));
    }

    private void loop(String header, Expr over, List<Stmt> body, Stmt whole, int depth) {
        indent(depth);
        out.append(header);
        expr(over, depth);
        int open = layout.expect(over.range().end(), "{");
        block(body, open, closeBrace(body, open), depth);
        endLine(layout.endRow(whole));
    }

    /** A resource, or the resource of a {@code collect} statement ({@code whole}). */
    private void resource(Stmt.Resource r, Stmt whole, int depth) {
        indent(depth);
        if (whole instanceof Stmt.Collect) {
            out.append("collect ");
        }
        out.append(r.kind()).append(' ');
        expr(r.name(), depth);
        int openRow = layout.endRow(r.name());
        int closeRow = layout.endRow(whole);
        if (r.items().isEmpty() && !hasCommentBefore(closeRow)) {
            out.append(" {}");
            endLine(closeRow);
            return;
        }
        out.append(" {");
        endLine(openRow);
        for (ResourceItem item : r.items()) {
            int start = layout.startRow(item);
            flushComments(start, depth + 1);
            gap(start);
            item(item, depth + 1);
        }
        closeBlock(closeRow, depth);
        endLine(closeRow);
    }

    private void item(ResourceItem item, int depth) {
        indent(depth);
        switch (item) {
            case ResourceItem.Field f -> {
                out.append(f.name()).append(" => ");
                condition(f.condition(), depth);
                expr(f.value(), depth);
            }
            case ResourceItem.Edge e -> {
                String kind = e.kind().name();
                out.append(kind.charAt(0)).append(kind.substring(1).toLowerCase(java.util.Locale.ROOT)).append(" => ");
                condition(e.condition(), depth);
                edgeHalf(e.target(), depth);
            }
            case ResourceItem.MetaField m -> {
                out.append("Meta:").append(m.property()).append(" => ");
                condition(m.condition(), depth);
                expr(m.value(), depth);
            }
            case ResourceItem.Meta m -> {
                out.append("Meta => ");
                condition(m.condition(), depth);
                expr(m.value(), depth);
            }
            case ResourceItem.Unknown u -> throw new Unformattable("unknown resource property " + u.name());
        }
        out.append(',');
        endLine(layout.endRow(item));
    }

    private void condition(Expr condition, int depth) {
        if (condition != null) {
            expr(condition, depth);
            out.append(" ?: ");
        }
    }

    private void edgeHalf(Stmt.EdgeHalf half, int depth) {
        out.append(capitalizedKind(half.kind())).append('[');
        expr(half.name(), depth);
        out.append(']');
    }

    /** mgmt reads {@code Dhcp:Host} as {@code dhcp:host} and prints each part with its first letter capital. */
    private static String capitalizedKind(String kind) {
        StringBuilder b = new StringBuilder(kind.length());
        for (String part : kind.split(":", -1)) {
            if (!b.isEmpty()) {
                b.append(':');
            }
            String lower = part.toLowerCase(java.util.Locale.ROOT);
            b.append(lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ functions and argument lists

    /** The closing parenthesis of a parameter list opened at {@code open}. */
    private int closeParen(List<Param> params, int open) {
        int from = params.isEmpty() ? open + 1 : params.get(params.size() - 1).range().end();
        int at = layout.skipBlanks(from);
        if (layout.next(at, ",")) {
            at++;
        }
        return layout.expect(at, ")");
    }

    /**
     * Parameters, optional result type and {@code { body }} of a function or lambda; the caller printed
     * what comes before the parenthesis.
     *
     * @param headRow    the row of the opening parenthesis (the row the function starts on)
     * @param closeParen where the parameter list ends
     */
    private void signature(List<Param> params, MclType result, Expr body, int headRow, int closeParen, int depth) {
        int open = layout.expect(result != null ? result.range().end() : closeParen + 1, "{");
        int close = layout.expect(body.range().end(), "}");
        int openRow = layout.row(open);
        int closeRow = layout.row(close);
        params(params, headRow, openRow, depth);
        if (result != null) {
            out.append(' ').append(type(result));
        }
        int bodyRow = layout.startRow(body);
        if (!hasCommentBefore(closeRow) && bodyRow <= openRow) {
            out.append(" { ");
            expr(body, depth);
            out.append(" }");
            lastRow = Math.max(lastRow, closeRow);
            return;
        }
        out.append(" {");
        endLine(openRow);
        branch(body, depth);
        closeBlock(closeRow, depth);
    }

    /** A parameter list; {@code closeRow} is the row of what follows it (the brace of the body). */
    private void params(List<Param> params, int openRow, int closeRow, int depth) {
        boolean multi = hasCommentBefore(closeRow) || !params.isEmpty() && layout.startRow(params.get(0)) > openRow;
        // mgmt's end of a typed parameter is the end of the type's first token
        sequence("(", ")", params, multi, Commas.BETWEEN, (p, d) -> param(p),
                p -> p.type() != null ? layout.startRow(p.type()) : layout.endRow(p), openRow, closeRow, depth);
    }

    private void param(Param p) {
        out.append('$').append(p.name());
        if (p.type() != null) {
            out.append(' ').append(type(p.type()));
        }
    }

    /** Call arguments; {@code openRow} is the row of the opening parenthesis, {@code closeRow} of the closing one. */
    private void arguments(List<Expr> args, int openRow, int closeRow, int depth) {
        boolean multi = !args.isEmpty() && layout.startRow(args.get(0)) > openRow;
        sequence("(", ")", args, multi, Commas.BETWEEN, this::expr, layout::endRow, openRow, closeRow, depth);
    }

    /** Which commas a dialect writes in a sequence. */
    private enum Commas {
        /** Lists, maps and structs: after each element when multi-line; mgmt 1.0 also after the last on one line. */
        ELEMENTS,
        /** Arguments and parameters: after each when multi-line, but mgmt 1.0 never after the last. */
        BETWEEN
    }

    /** Prints one element of a sequence at a depth. */
    private interface ElementPrinter<T> {
        void print(T element, int depth);
    }

    /**
     * A bracketed sequence, on one line or one element per line.
     *
     * @param openRow  the row of the opener
     * @param closeRow the row of the closer
     */
    private <T extends Node> void sequence(String opener, String closer, List<T> elements, boolean multi, Commas commas,
                                           ElementPrinter<T> element, java.util.function.ToIntFunction<T> endRow,
                                           int openRow, int closeRow, int depth) {
        boolean legacy = dialect == Dialect.MGMT_1_0;
        out.append(opener);
        if (!multi) {
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                element.print(elements.get(i), depth);
            }
            if (legacy && commas == Commas.ELEMENTS && !elements.isEmpty()) {
                out.append(',');
            }
            out.append(closer);
            return;
        }
        endLine(openRow);
        for (int i = 0; i < elements.size(); i++) {
            T x = elements.get(i);
            int start = layout.startRow(x);
            flushComments(start, depth + 1);
            gap(start);
            indent(depth + 1);
            element.print(x, depth + 1);
            if (!legacy || commas == Commas.ELEMENTS || i < elements.size() - 1) {
                out.append(',');
            }
            endLine(endRow.applyAsInt(x));
        }
        flushComments(closeRow, depth + 1);
        gap(closeRow);
        indent(depth);
        out.append(closer);
        lastRow = closeRow;
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expr e, int depth) {
        switch (e) {
            case Expr.Bool b -> out.append(b.value());
            case Expr.Str s -> out.append('"').append(s.raw()).append('"');
            case Expr.Int i -> out.append(NumberText.integer(i.text()));
            case Expr.Float f -> out.append(NumberText.decimal(f.text()));
            case Expr.ListLit l -> container("[", "]", l, l.elements(), (x, d) -> expr(x, d), depth);
            case Expr.MapLit m -> container("{", "}", m, m.entries(), (x, d) -> {
                expr(x.key(), d);
                out.append(" => ");
                expr(x.value(), d);
            }, depth);
            case Expr.StructLit s -> container("struct{", "}", s, s.fields(), (x, d) -> {
                out.append(x.name()).append(" => ");
                expr(x.value(), d);
            }, depth);
            case Expr.Var v -> out.append('$').append(v.name());
            case Expr.Call c -> {
                out.append(c.function());
                arguments(c.args(), layout.startRow(c), layout.endRow(c), depth);
            }
            case Expr.Apply a -> {
                int openRow;
                switch (a.callee()) {
                    case Expr.Var v -> {
                        out.append('$').append(v.name());
                        openRow = layout.startRow(a);
                    }
                    case Expr.Lambda l -> {
                        expr(l, depth);
                        openRow = layout.endRow(l);
                    }
                    default -> throw new Unformattable("call of " + a.callee().getClass().getSimpleName());
                }
                arguments(a.args(), openRow, layout.endRow(a), depth);
            }
            case Expr.Lambda l -> {
                out.append("func");
                int open = layout.expect(l.range().start() + "func".length(), "(");
                signature(l.params(), l.result(), l.body(), layout.startRow(l), closeParen(l.params(), open), depth);
            }
            case Expr.If i -> ifExpression(i, depth);
            case Expr.Binary b -> {
                expr(b.left(), depth);
                out.append(' ').append(b.op().symbol()).append(' ');
                expr(b.right(), depth);
            }
            case Expr.Not n -> {
                out.append("not ");
                expr(n.operand(), depth);
            }
            case Expr.Index i -> {
                expr(i.target(), depth);
                out.append('[');
                expr(i.index(), depth);
                out.append(']');
                if (i.fallback() != null) {
                    out.append(" || ");
                    expr(i.fallback(), depth);
                }
            }
            case Expr.FieldAccess f -> {
                expr(f.target(), depth);
                out.append("->").append(f.field());
                if (f.fallback() != null) {
                    // the default is written `<|> d` (mgmt 1.1) or `|| d` (1.0, 1.1.0): kept as written
                    out.append(layout.next(f.fieldRange().end(), "<|>") ? " <|> " : " || ");
                    expr(f.fallback(), depth);
                }
            }
            case Expr.Except x -> {
                expr(x.value(), depth);
                out.append(" <|> ");
                expr(x.fallback(), depth);
            }
            case Expr.Paren p -> {
                out.append('(');
                expr(p.inner(), depth);
                out.append(')');
            }
        }
    }

    /** A list, map or struct literal, single-line or multi-line as written; empty ones compact unless a comment is inside. */
    private <T extends Node> void container(String opener, String closer, Expr whole, List<T> elements, ElementPrinter<T> element,
                                            int depth) {
        int openRow = layout.startRow(whole);
        int closeRow = layout.endRow(whole);
        boolean comment = hasCommentBefore(closeRow);
        if (elements.isEmpty() && !comment) {
            out.append(opener).append(closer);
            return;
        }
        boolean multi = comment || layout.startRow(elements.get(0)) > openRow;
        sequence(opener, closer, elements, multi, Commas.ELEMENTS, element, layout::endRow, openRow, closeRow, depth);
    }

    private void ifExpression(Expr.If i, int depth) {
        out.append("if ");
        expr(i.condition(), depth);
        int thenOpen = layout.expect(i.condition().range().end(), "{");
        int thenClose = layout.expect(i.then().range().end(), "}");
        layout.expect(layout.expect(thenClose + 1, "else") + "else".length(), "{");
        int elseClose = layout.expect(i.otherwise().range().end(), "}");
        int openRow = layout.row(thenOpen);
        int elseRow = layout.row(thenClose);
        int closeRow = layout.row(elseClose);
        int thenRow = layout.startRow(i.then());
        if (!hasCommentBefore(closeRow) && thenRow <= openRow) {
            out.append(" { ");
            expr(i.then(), depth);
            out.append(" } else { ");
            expr(i.otherwise(), depth);
            out.append(" }");
            lastRow = Math.max(lastRow, closeRow);
            return;
        }
        out.append(" {");
        endLine(openRow);
        branch(i.then(), depth);
        flushComments(elseRow, depth + 1);
        gap(elseRow);
        indent(depth);
        out.append("} else {");
        endLine(elseRow);
        branch(i.otherwise(), depth);
        closeBlock(closeRow, depth);
    }

    /** A function body or a branch of a multi-line {@code if} expression, on its own line. */
    private void branch(Expr value, int depth) {
        int row = layout.startRow(value);
        flushComments(row, depth + 1);
        gap(row);
        indent(depth + 1);
        expr(value, depth + 1);
        endLine(layout.endRow(value));
    }

    // ------------------------------------------------------------------ types

    static String type(MclType t) {
        return switch (t) {
            case MclType.Scalar s -> s.name();
            case MclType.ListOf l -> "[]" + type(l.element());
            case MclType.MapOf m -> "map{" + type(m.key()) + ": " + type(m.value()) + "}";
            case MclType.StructOf s -> {
                List<String> fields = new ArrayList<>();
                s.fields().forEach(f -> fields.add(f.name() + " " + type(f.type())));
                yield "struct{" + String.join("; ", fields) + "}";
            }
            case MclType.FuncOf f -> {
                List<String> args = new ArrayList<>();
                f.args().forEach(a -> args.add(a.name() == null ? type(a.type()) : "$" + a.name() + " " + type(a.type())));
                yield "func(" + String.join(", ", args) + ")" + (f.result() == null ? "" : " " + type(f.result()));
            }
        };
    }
}
