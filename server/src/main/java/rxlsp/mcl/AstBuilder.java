package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.MclType;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.mcl.grammar.MclParser;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * Turns statements of the ANTLR parse tree into the {@code rxlsp.mcl.ast} tree; the only class that
 * sees both. The parse tree's precedence layers (orExpr, andExpr, …) collapse into {@link Expr.Binary}
 * nodes, left-associative where the grammar loops.
 *
 * <p>The builder recurses once per nesting level. Its frames are smaller than the parser's, which
 * already succeeded on the same tree, but the depth is still counted and a tree deeper than
 * {@link #MAX_DEPTH} is refused with {@link TooDeep}, so stack exhaustion never depends on luck.
 * One instance builds one file; it collects the string-literal diagnostics it finds.
 */
final class AstBuilder {
    static final int MAX_DEPTH = 2_000;

    /** Thrown when the tree is nested deeper than {@link #MAX_DEPTH}. */
    static final class TooDeep extends RuntimeException {
        final transient Token at;

        TooDeep(Token at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private final MclSyntax.Positions positions;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int depth;

    AstBuilder(MclSyntax.Positions positions) {
        this.positions = positions;
    }

    /** Diagnostics of the string literals built so far. */
    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    // ---------------------------------------------------------------------------------------------
    // Positions

    TextRange range(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int from = positions.offset(start.getStartIndex());
        if (stop == null || stop.getStopIndex() < start.getStartIndex()) {
            return TextRange.at(from);
        }
        return new TextRange(from, Math.max(from, positions.offset(stop.getStopIndex() + 1)));
    }

    TextRange range(Token token) {
        int from = positions.offset(token.getStartIndex());
        return new TextRange(from, Math.max(from, positions.offset(token.getStopIndex() + 1)));
    }

    private TextRange range(TerminalNode node) {
        return range(node.getSymbol());
    }

    private static TextRange span(TextRange a, TextRange b) {
        return a.cover(b);
    }

    /** A context's text; the common one-token case without {@link ParserRuleContext#getText()}'s string building. */
    private static String text(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        return start == ctx.getStop() ? start.getText() : ctx.getText();
    }

    private void enter(ParserRuleContext ctx) {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep(ctx.getStart());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Statements

    List<Stmt> prog(MclParser.ProgContext prog) {
        List<Stmt> out = new ArrayList<>();
        for (MclParser.StmtContext s : prog.stmt()) {
            out.add(stmt(s));
        }
        return out;
    }

    Stmt stmt(MclParser.StmtContext ctx) {
        enter(ctx);
        try {
            ParseTree child = ctx.getChild(0);
            return switch (child) {
                case MclParser.BindContext b -> bind(b);
                case MclParser.PanicStmtContext p -> new Stmt.Panic(range(p), args(p.callArgs()));
                case MclParser.CollectStmtContext c -> new Stmt.Collect(range(c), resource(c.resource()));
                case MclParser.ResourceContext r -> resource(r);
                case MclParser.EdgeContext e -> edge(e);
                case MclParser.IfStmtContext i -> new Stmt.If(range(i), expr(i.expr()), prog(i.prog(0)),
                        i.ELSE() != null ? prog(i.prog(1)) : null);
                case MclParser.ForStmtContext f -> new Stmt.For(range(f), param(f.varName(0), null),
                        param(f.varName(1), null), expr(f.expr()), prog(f.prog()));
                case MclParser.ForKvStmtContext f -> new Stmt.ForKv(range(f), param(f.varName(0), null),
                        param(f.varName(1), null), expr(f.expr()), prog(f.prog()));
                case MclParser.FuncStmtContext f -> new Stmt.Func(range(f), f.IDENTIFIER().getText(),
                        range(f.IDENTIFIER()), params(f.params()), f.type() != null ? type(f.type()) : null,
                        expr(f.funcBody().expr()));
                case MclParser.ClassStmtContext c -> new Stmt.Class(range(c), colonPath(c.colonIdent()),
                        range(c.colonIdent()), c.params() != null ? params(c.params()) : null, prog(c.prog()));
                case MclParser.IncludeStmtContext i -> new Stmt.Include(range(i), text(i.dottedIdent()),
                        range(i.dottedIdent()), i.OPEN_PAREN() != null ? args(i.callArgs()) : null,
                        i.AS_IDENTIFIER() != null ? i.IDENTIFIER().getText() : null);
                case MclParser.ImportStmtContext i -> importStmt(i);
                default -> throw new IllegalStateException("unknown statement " + child.getClass().getSimpleName());
            };
        } finally {
            depth--;
        }
    }

    private Stmt bind(MclParser.BindContext b) {
        return new Stmt.Bind(range(b), text(b.varName().undottedIdent()), range(b.varName()),
                b.type() != null ? type(b.type()) : null, expr(b.expr()));
    }

    private Stmt importStmt(MclParser.ImportStmtContext i) {
        String quoted = i.STRING().getText();
        String path = quoted.length() >= 2 ? quoted.substring(1, quoted.length() - 1) : quoted;
        String alias = i.AS_IDENTIFIER() == null ? null : i.MULTIPLY() != null ? "*" : i.IDENTIFIER().getText();
        return new Stmt.Import(range(i), path, range(i.STRING()), alias);
    }

    private static List<String> colonPath(MclParser.ColonIdentContext ctx) {
        return ctx.IDENTIFIER().stream().map(TerminalNode::getText).toList();
    }

    private Stmt.Resource resource(MclParser.ResourceContext r) {
        List<ResourceItem> items = new ArrayList<>();
        for (MclParser.ResItemContext item : r.resourceBody().resItem()) {
            items.add(resItem(item));
        }
        return new Stmt.Resource(range(r), text(r.colonIdent()), range(r.colonIdent()), expr(r.expr()), items);
    }

    /**
     * A block statement whose body held a syntax error, with the bodies error recovery rebuilt: {@code first}
     * replaces the body (the then-branch of an {@code if}), {@code second} the else-branch when not
     * {@code null}. The header (condition, loop variables, class name and parameters) comes from the
     * tree, where it is complete because the parser got into the body.
     */
    Stmt withBodies(MclParser.StmtContext ctx, TextRange range, List<Stmt> first, List<Stmt> second) {
        return switch (ctx.getChild(0)) {
            case MclParser.IfStmtContext i -> new Stmt.If(range, expr(i.expr()), first, second);
            case MclParser.ForStmtContext f -> new Stmt.For(range, param(f.varName(0), null),
                    param(f.varName(1), null), expr(f.expr()), first);
            case MclParser.ForKvStmtContext f -> new Stmt.ForKv(range, param(f.varName(0), null),
                    param(f.varName(1), null), expr(f.expr()), first);
            case MclParser.ClassStmtContext c -> new Stmt.Class(range, colonPath(c.colonIdent()),
                    range(c.colonIdent()), c.params() != null ? params(c.params()) : null, first);
            default -> throw new IllegalStateException("not a block statement");
        };
    }

    /** A resource (or {@code collect} of one) whose body held a syntax error, with the items recovery kept. */
    Stmt withItems(MclParser.StmtContext ctx, TextRange range, List<ResourceItem> items) {
        return switch (ctx.getChild(0)) {
            case MclParser.ResourceContext r -> withItems(r, range, items);
            case MclParser.CollectStmtContext c -> new Stmt.Collect(range, (Stmt.Resource) withItems(c.resource(), range,
                    items));
            default -> throw new IllegalStateException("not a resource");
        };
    }

    private Stmt withItems(MclParser.ResourceContext r, TextRange range, List<ResourceItem> items) {
        return new Stmt.Resource(range, text(r.colonIdent()), range(r.colonIdent()), expr(r.expr()), items);
    }

    ResourceItem resItem(MclParser.ResItemContext item) {
        return switch (item) {
            case MclParser.ResFieldContext f -> {
                Expr cond = f.ELVIS() != null ? expr(f.expr(0)) : null;
                yield new ResourceItem.Field(range(f), f.IDENTIFIER().getText(), range(f.IDENTIFIER()), cond,
                        expr(f.expr(f.expr().size() - 1)));
            }
            case MclParser.ResMetaContext m -> {
                Expr cond = m.ELVIS() != null ? expr(m.expr(0)) : null;
                Expr value = expr(m.expr(m.expr().size() - 1));
                String name = m.CAPITALIZED_IDENTIFIER().getText();
                yield name.equals("Meta")
                        ? new ResourceItem.MetaField(range(m), m.IDENTIFIER().getText(), range(m.IDENTIFIER()), cond, value)
                        : new ResourceItem.Unknown(range(m), name + ":" + m.IDENTIFIER().getText(),
                                range(m.CAPITALIZED_IDENTIFIER()), cond, value);
            }
            case MclParser.ResPropertyContext p -> property(p);
            default -> throw new IllegalStateException("unknown resource item");
        };
    }

    /** {@code Name => …,}: an edge when an edge half follows (possibly after {@code ?:}), else a meta value. */
    private ResourceItem property(MclParser.ResPropertyContext p) {
        String name = p.CAPITALIZED_IDENTIFIER().getText();
        TextRange nameRange = range(p.CAPITALIZED_IDENTIFIER());
        Expr cond = p.ELVIS() != null ? expr(p.expr(0)) : null;
        if (p.edgeHalf() != null) {
            ResourceItem.EdgeKind kind = ResourceItem.EdgeKind.of(name);
            Stmt.EdgeHalf target = edgeHalf(p.edgeHalf());
            if (kind != null) {
                return new ResourceItem.Edge(range(p), kind, nameRange, cond, target);
            }
            return new ResourceItem.Unknown(range(p), name, nameRange, cond, target.name());
        }
        Expr value = expr(p.expr(p.expr().size() - 1));
        return name.equals("Meta") ? new ResourceItem.Meta(range(p), cond, value)
                : new ResourceItem.Unknown(range(p), name, nameRange, cond, value);
    }

    private Stmt edge(MclParser.EdgeContext e) {
        List<Stmt.EdgeHalf> halves = new ArrayList<>();
        for (MclParser.EdgeHalfContext h : e.edgeHalf()) {
            halves.add(edgeHalf(h));
        }
        if (!e.DOT().isEmpty()) {
            return new Stmt.SendRecv(range(e), halves.get(0), e.IDENTIFIER(0).getText(), halves.get(1),
                    e.IDENTIFIER(1).getText());
        }
        return new Stmt.EdgeChain(range(e), halves);
    }

    private Stmt.EdgeHalf edgeHalf(MclParser.EdgeHalfContext h) {
        return new Stmt.EdgeHalf(range(h), text(h.capResIdent()), expr(h.expr()));
    }

    private Param param(MclParser.VarNameContext name, MclParser.TypeContext type) {
        TextRange r = type != null ? span(range(name), range(type)) : range(name);
        return new Param(r, text(name.undottedIdent()), type != null ? type(type) : null);
    }

    private List<Param> params(MclParser.ParamsContext ctx) {
        List<Param> out = new ArrayList<>();
        for (MclParser.ParamContext p : ctx.param()) {
            out.add(param(p.varName(), p.type()));
        }
        return out;
    }

    private List<Expr> args(MclParser.CallArgsContext ctx) {
        List<Expr> out = new ArrayList<>();
        for (MclParser.ExprContext e : ctx.expr()) {
            out.add(expr(e));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Expressions, one method per precedence layer

    Expr expr(MclParser.ExprContext ctx) {
        enter(ctx);
        try {
            Expr left = or(ctx.orExpr(0));
            for (int i = 1; i < ctx.orExpr().size(); i++) {
                Expr right = or(ctx.orExpr(i));
                left = new Expr.Except(span(left.range(), right.range()), left, right);
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Expr or(MclParser.OrExprContext ctx) {
        Expr left = and(ctx.andExpr(0));
        for (int i = 1; i < ctx.andExpr().size(); i++) {
            left = binary(Expr.BinaryOp.OR, ctx.OR(i - 1).getSymbol(), left, and(ctx.andExpr(i)));
        }
        return left;
    }

    /** In mgmt 1.0 {@code or} shares this level with {@code and}; the operator tokens tell which is which. */
    private Expr and(MclParser.AndExprContext ctx) {
        Expr left = cmp(ctx.cmpExpr(0));
        int operand = 1;
        for (int i = 1; i < ctx.getChildCount(); i += 2) {
            Token op = ((TerminalNode) ctx.getChild(i)).getSymbol();
            Expr.BinaryOp kind = op.getType() == MclLexer.AND ? Expr.BinaryOp.AND : Expr.BinaryOp.OR;
            left = binary(kind, op, left, cmp(ctx.cmpExpr(operand++)));
        }
        return left;
    }

    private Expr cmp(MclParser.CmpExprContext ctx) {
        Expr left = add(ctx.addExpr(0));
        if (ctx.cmpOp() == null) {
            return left;
        }
        Token op = ctx.cmpOp().getStart();
        return binary(operator(op), op, left, add(ctx.addExpr(1)));
    }

    private Expr add(MclParser.AddExprContext ctx) {
        Expr left = mul(ctx.mulExpr(0));
        int operand = 1;
        for (int i = 1; i < ctx.getChildCount(); i += 2) {
            Token op = ((TerminalNode) ctx.getChild(i)).getSymbol();
            left = binary(operator(op), op, left, mul(ctx.mulExpr(operand++)));
        }
        return left;
    }

    private Expr mul(MclParser.MulExprContext ctx) {
        Expr left = unary(ctx.unaryExpr(0));
        int operand = 1;
        for (int i = 1; i < ctx.getChildCount(); i += 2) {
            Token op = ((TerminalNode) ctx.getChild(i)).getSymbol();
            left = binary(operator(op), op, left, unary(ctx.unaryExpr(operand++)));
        }
        return left;
    }

    private Expr unary(MclParser.UnaryExprContext ctx) {
        enter(ctx);
        try {
            if (ctx.NOT() != null) {
                return new Expr.Not(range(ctx), unary(ctx.unaryExpr()));
            }
            return postfix(ctx.postfixExpr());
        } finally {
            depth--;
        }
    }

    private Expr binary(Expr.BinaryOp op, Token token, Expr left, Expr right) {
        return new Expr.Binary(span(left.range(), right.range()), op, range(token), left, right);
    }

    private static Expr.BinaryOp operator(Token op) {
        return switch (op.getType()) {
            case MclLexer.EQ -> Expr.BinaryOp.EQ;
            case MclLexer.NEQ -> Expr.BinaryOp.NEQ;
            case MclLexer.LT -> Expr.BinaryOp.LT;
            case MclLexer.GT -> Expr.BinaryOp.GT;
            case MclLexer.LTE -> Expr.BinaryOp.LTE;
            case MclLexer.GTE -> Expr.BinaryOp.GTE;
            case MclLexer.IN -> Expr.BinaryOp.IN;
            case MclLexer.PLUS -> Expr.BinaryOp.PLUS;
            case MclLexer.MINUS -> Expr.BinaryOp.MINUS;
            case MclLexer.MULTIPLY -> Expr.BinaryOp.MULTIPLY;
            case MclLexer.DIVIDE -> Expr.BinaryOp.DIVIDE;
            case MclLexer.AND -> Expr.BinaryOp.AND;
            default -> Expr.BinaryOp.OR;
        };
    }

    /** A flat chain: every element applies to everything on its left. */
    private Expr postfix(MclParser.PostfixExprContext ctx) {
        Expr chain = primary(ctx.primary());
        if (ctx.inTail() != null) {
            chain = in(chain, ctx.inTail());
        }
        for (MclParser.PostfixOpContext op : ctx.postfixOp()) {
            chain = postfixOp(chain, op);
        }
        return chain;
    }

    private Expr in(Expr needle, MclParser.InTailContext tail) {
        MclParser.InOperandContext operand = tail.inOperand();
        Expr haystack = operand.NOT() != null
                ? new Expr.Not(range(operand), unary(operand.unaryExpr()))
                : primary(operand.primary());
        return binary(Expr.BinaryOp.IN, tail.IN().getSymbol(), needle, haystack);
    }

    private Expr postfixOp(Expr target, MclParser.PostfixOpContext op) {
        return switch (op) {
            case MclParser.IndexOpContext i -> {
                Expr fallback = i.defaultOperand() != null ? defaultOperand(i.defaultOperand()) : null;
                Expr index = new Expr.Index(span(target.range(), range(i)), target, expr(i.expr()), fallback);
                yield i.inTail() != null ? in(index, i.inTail()) : index;
            }
            case MclParser.FieldOpContext f -> {
                Expr fallback = f.defaultOperand() != null ? defaultOperand(f.defaultOperand())
                        : f.exceptOperand() != null ? or(f.exceptOperand().orExpr()) : null;
                Expr field = new Expr.FieldAccess(span(target.range(), range(f)), target, f.IDENTIFIER().getText(),
                        range(f.IDENTIFIER()), fallback);
                yield f.inTail() != null ? in(field, f.inTail()) : field;
            }
            default -> throw new IllegalStateException("unknown postfix operator");
        };
    }

    private Expr defaultOperand(MclParser.DefaultOperandContext ctx) {
        enter(ctx);
        try {
            if (ctx.expr() != null) {
                return expr(ctx.expr());
            }
            if (ctx.NOT() != null) {
                return new Expr.Not(range(ctx), unary(ctx.unaryExpr()));
            }
            Expr chain = primary(ctx.primary());
            if (ctx.inTail() != null) {
                chain = in(chain, ctx.inTail());
            }
            for (MclParser.LegacyIndexOpContext i : ctx.legacyIndexOp()) {
                Expr fallback = i.defaultOperand() != null ? defaultOperand(i.defaultOperand()) : null;
                chain = new Expr.Index(span(chain.range(), range(i)), chain, expr(i.expr()), fallback);
                if (i.inTail() != null) {
                    chain = in(chain, i.inTail());
                }
            }
            return chain;
        } finally {
            depth--;
        }
    }

    private Expr primary(MclParser.PrimaryContext ctx) {
        enter(ctx);
        try {
            TextRange r = range(ctx);
            return switch (ctx) {
                case MclParser.BoolLitContext b -> new Expr.Bool(r, text(b).equals("true"));
                case MclParser.StringLitContext s -> string(s.STRING().getSymbol());
                case MclParser.IntLitContext i -> new Expr.Int(r, text(i));
                case MclParser.FloatLitContext f -> new Expr.Float(r, text(f));
                case MclParser.ListLitContext l -> new Expr.ListLit(r, l.list().expr().stream().map(this::expr).toList());
                case MclParser.MapLitContext m -> new Expr.MapLit(r, m.map().mapEntry().stream()
                        .map(e -> new Expr.MapEntry(range(e), expr(e.expr(0)), expr(e.expr(1)))).toList());
                case MclParser.StructLitContext s -> new Expr.StructLit(r, s.struct().structField().stream()
                        .map(f -> new Expr.StructField(range(f), f.IDENTIFIER().getText(), range(f.IDENTIFIER()),
                                expr(f.expr()))).toList());
                case MclParser.CallExprContext c -> new Expr.Call(r, text(c.dottedIdent()), range(c.dottedIdent()),
                        args(c.callArgs()));
                case MclParser.VarExprContext v -> {
                    Expr var = new Expr.Var(range(v.varRef()), text(v.varRef().dottedIdent()));
                    yield v.OPEN_PAREN() != null ? new Expr.Apply(r, var, args(v.callArgs())) : var;
                }
                case MclParser.LambdaExprContext l -> {
                    Expr fn = lambda(l.lambda());
                    yield l.OPEN_PAREN() != null ? new Expr.Apply(r, fn, args(l.callArgs())) : fn;
                }
                case MclParser.IfExprContext i -> new Expr.If(r, expr(i.expr(0)), expr(i.expr(1)), expr(i.expr(2)));
                case MclParser.ParenExprContext p -> new Expr.Paren(r, expr(p.expr()));
                default -> throw new IllegalStateException("unknown primary");
            };
        } finally {
            depth--;
        }
    }

    private Expr lambda(MclParser.LambdaContext l) {
        return new Expr.Lambda(range(l), params(l.params()), l.type() != null ? type(l.type()) : null,
                expr(l.funcBody().expr()));
    }

    private Expr string(Token token) {
        TextRange r = range(token);
        String text = token.getText();
        StringLiteral.Parsed parsed = StringLiteral.parse(text, r.start());
        diagnostics.addAll(parsed.diagnostics());
        String raw = text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
        List<StringPart> parts = parsed.parts();
        return new Expr.Str(r, raw, parts);
    }

    // ---------------------------------------------------------------------------------------------
    // Types

    MclType type(MclParser.TypeContext ctx) {
        enter(ctx);
        try {
            TextRange r = range(ctx);
            return switch (ctx) {
                case MclParser.ScalarTypeContext s -> new MclType.Scalar(r, text(s));
                case MclParser.ListTypeContext l -> new MclType.ListOf(r, type(l.type()));
                case MclParser.MapTypeContext m -> new MclType.MapOf(r, type(m.type(0)), type(m.type(1)));
                case MclParser.StructTypeContext s -> new MclType.StructOf(r, s.structTypeField().stream()
                        .map(f -> new MclType.Field(range(f), f.IDENTIFIER().getText(), type(f.type()))).toList());
                case MclParser.FuncTypeContext f -> new MclType.FuncOf(r, f.funcTypeArgs().funcTypeArg().stream()
                        .map(a -> new MclType.Arg(range(a), a.varName() != null ? text(a.varName().undottedIdent()) : null,
                                type(a.type()))).toList(), type(f.type()));
                default -> throw new IllegalStateException("unknown type");
            };
        } finally {
            depth--;
        }
    }
}
