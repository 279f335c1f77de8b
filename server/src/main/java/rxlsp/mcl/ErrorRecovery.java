package rxlsp.mcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import rxlsp.mcl.SegmentParser.Entry;
import rxlsp.mcl.SegmentParser.Segment;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.mcl.grammar.MclParser;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.TextRange;

/**
 * Parses a whole file, reporting every independent syntax error and keeping a tree of the rest.
 *
 * <p>The file is parsed as one sequence of statements; its first error is exactly the one mgmt reports.
 * Each parse stops at its first error (see {@link SegmentParser}), and recovery goes on per sequence:
 * the statements before the error are kept; when the error lies in the body of a block statement
 * (if/else, for, forkv, class) or of a resource, that body is recovered the same way, recursively, and the
 * statement is kept with what its body kept; then parsing resumes after the statement, at the next
 * line of the same sequence that starts a statement (or resource item). Bodies are found by matching
 * brackets on the token stream ({@link Brackets}), so a restart never lands inside a list or a nested
 * block. Resuming only on a later line, and reporting an error at a position only once, keeps one
 * diagnostic per mistake rather than ANTLR's cascades. Restarts and re-read tokens are bounded so that a
 * large broken file stays fast, and so is the recursion, so deep nesting cannot exhaust the stack.
 */
final class ErrorRecovery {
    private static final int MAX_RESTARTS = 200;
    private static final int MAX_DEPTH = 100;
    private static final Set<Integer> STATEMENT_STARTS = Set.of(MclLexer.DOLLAR, MclLexer.IDENTIFIER,
            MclLexer.CAPITALIZED_IDENTIFIER, MclLexer.IF, MclLexer.FOR, MclLexer.FORKV, MclLexer.FUNC_IDENTIFIER,
            MclLexer.CLASS_IDENTIFIER, MclLexer.INCLUDE_IDENTIFIER, MclLexer.IMPORT_IDENTIFIER,
            MclLexer.PANIC_IDENTIFIER, MclLexer.COLLECT_IDENTIFIER);
    private static final Set<Integer> ITEM_STARTS = Set.of(MclLexer.IDENTIFIER, MclLexer.CAPITALIZED_IDENTIFIER);

    private final SegmentParser parser;
    private Brackets brackets; // only needed, and so only built, once there is an error
    private final List<Token> tokens;
    private final AstBuilder builder;
    private final SyntaxMessages messages;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<Integer> reported = new HashSet<>();
    private boolean crlfReported;
    private int restarts;
    private long budget;

    ErrorRecovery(SegmentParser parser, List<Token> tokens, AstBuilder builder, SyntaxMessages messages) {
        this.parser = parser;
        this.tokens = tokens;
        this.builder = builder;
        this.messages = messages;
        this.budget = Math.max(5L * tokens.size(), 2_000_000L);
    }

    /** The file's statements; {@link #diagnostics()} then holds its syntax and interpolation errors. */
    List<Stmt> file() {
        return statements(Entry.FILE, 0, tokens.size() - 1, 0, null);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * The statements of the sequence from token {@code from} to its closing token {@code close}.
     * {@code known} is its parse up to the first error when the enclosing parse already made it (the
     * body of a block statement the error is in), so a body is never parsed twice, whatever the depth.
     */
    private List<Stmt> statements(Entry entry, int from, int close, int depth, Segment known) {
        return sequence(entry, from, close, known, STATEMENT_STARTS, c -> builder.stmt((MclParser.StmtContext) c),
                (failing, segment, out) -> failing instanceof MclParser.StmtContext stmt && depth < MAX_DEPTH
                        ? recoverBody(stmt, segment, depth, out) : -1);
    }

    /** The resource items of the body from token {@code from} to its closing brace {@code close}. */
    private List<ResourceItem> items(int from, int close, Segment known) {
        return sequence(Entry.ITEMS, from, close, known, ITEM_STARTS,
                c -> builder.resItem((MclParser.ResItemContext) c), (failing, segment, out) -> -1);
    }

    /** Recovers inside the element an error is in; returns the token after it, or -1 to skip it. */
    private interface Inside<T> {
        int recover(ParserRuleContext failing, Segment segment, List<T> out);
    }

    private <T> List<T> sequence(Entry entry, int from, int close, Segment known, Set<Integer> starts,
                                 Function<ParserRuleContext, T> build, Inside<T> inside) {
        List<T> out = new ArrayList<>();
        int at = from;
        for (Segment next = known; at >= 0; next = null) {
            Segment segment = next != null ? next : parse(entry, at, close);
            if (segment == null) {
                break;
            }
            ParserRuleContext failing = complete(segment, build, out);
            if (segment.ok()) {
                break;
            }
            int error = segment.errorToken();
            if (MclSyntax.TOO_DEEP.equals(segment.error().message())) {
                // nothing of the statement was parsed: go on after it whole, never into its nesting
                at = nextAtLevel(starts, error, error, close);
                continue;
            }
            at = inside.recover(failing, segment, out);
            if (at < 0) {
                at = restart(starts, failing != null ? failing.getStart().getTokenIndex() : error, error, close);
            }
        }
        return out;
    }

    /**
     * Builds the children of a segment that are complete and returns the one the error is in, if any:
     * the one the parser was in when it stopped, or, for a lexer error the parser went past, the one
     * around it.
     */
    private <T> ParserRuleContext complete(Segment segment, Function<ParserRuleContext, T> build, List<? super T> out) {
        int error = segment.errorToken();
        for (ParserRuleContext child : segment.children()) {
            boolean failing = !segment.ok() && (onChain(child, segment.errorContext())
                    || child.getStart().getTokenIndex() <= error
                    && (child.getStop() == null || child.getStop().getTokenIndex() >= error));
            if (failing) {
                return child;
            }
            if (!segment.ok() && child.getStart().getTokenIndex() > error) {
                break;
            }
            build(child, build, out);
        }
        return null;
    }

    private static boolean onChain(ParserRuleContext child, ParserRuleContext errorContext) {
        for (ParserRuleContext c = errorContext; c != null; c = c.getParent()) {
            if (c == child) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the error lies inside the body of {@code stmt}, rebuilds the body, keeps the statement and
     * returns the token after it; otherwise -1.
     */
    private int recoverBody(MclParser.StmtContext stmt, Segment segment, int depth, List<Stmt> out) {
        int error = segment.errorToken();
        ParserRuleContext node = stmt.getChild(ParserRuleContext.class, 0);
        if (node instanceof MclParser.CollectStmtContext c) {
            node = c.resource();
        }
        int start = stmt.getStart().getTokenIndex();
        if (node instanceof MclParser.ResourceContext r) {
            int open = index(r.OPEN_CURLY());
            if (!inside(open, error)) {
                return -1;
            }
            int close = brackets().close(open);
            List<ResourceItem> items = items(open + 1, close, segment.within(r.resourceBody()));
            return keep(() -> builder.withItems(stmt, span(start, close), items), close, out);
        }
        List<TerminalNode> opens = switch (node) {
            case MclParser.IfStmtContext i -> i.OPEN_CURLY();
            case MclParser.ForStmtContext f -> Stream.ofNullable(f.OPEN_CURLY()).toList();
            case MclParser.ForKvStmtContext f -> Stream.ofNullable(f.OPEN_CURLY()).toList();
            case MclParser.ClassStmtContext c -> Stream.ofNullable(c.OPEN_CURLY()).toList();
            case null, default -> List.of();
        };
        if (opens.isEmpty()) {
            return -1;
        }
        int open = index(opens.getFirst());
        int close = brackets().close(open);
        if (inside(open, error)) {
            List<Stmt> first = statements(Entry.BLOCK, open + 1, close, depth + 1, segment.within(body(node, 0)));
            List<Stmt> second = null;
            int end = close;
            if (node instanceof MclParser.IfStmtContext && close + 2 < tokens.size()
                    && tokens.get(close + 1).getType() == MclLexer.ELSE
                    && tokens.get(close + 2).getType() == MclLexer.OPEN_CURLY) {
                end = brackets().close(close + 2);
                second = statements(Entry.BLOCK, close + 3, end, depth + 1, null);
            }
            List<Stmt> otherwise = second;
            int last = end;
            return keep(() -> builder.withBodies(stmt, span(start, last), first, otherwise), last, out);
        }
        if (opens.size() == 2) { // the error is in the else-branch
            MclParser.IfStmtContext i = (MclParser.IfStmtContext) node;
            int elseOpen = index(opens.get(1));
            int elseClose = brackets().close(elseOpen);
            if (!inside(elseOpen, error)) {
                return -1;
            }
            List<Stmt> then = new ArrayList<>();
            i.prog(0).stmt().forEach(s -> build(s, builder::stmt, then));
            List<Stmt> otherwise = statements(Entry.BLOCK, elseOpen + 1, elseClose, depth + 1, segment.within(i.prog(1)));
            return keep(() -> builder.withBodies(stmt, span(start, elseClose), then, otherwise), elseClose, out);
        }
        return -1;
    }

    private Brackets brackets() {
        if (brackets == null) {
            brackets = new Brackets(tokens);
        }
        return brackets;
    }

    /** The {@code n}th body of a block statement. */
    private static ParserRuleContext body(ParserRuleContext node, int n) {
        return switch (node) {
            case MclParser.IfStmtContext i -> i.prog(n);
            case MclParser.ForStmtContext f -> f.prog();
            case MclParser.ForKvStmtContext f -> f.prog();
            case MclParser.ClassStmtContext c -> c.prog();
            default -> null;
        };
    }

    private int keep(Supplier<Stmt> partial, int close, List<Stmt> out) {
        try {
            out.add(partial.get());
        } catch (AstBuilder.TooDeep | StackOverflowError deep) {
            tooDeep(tokens.get(close));
        } catch (RuntimeException incomplete) {
            // a header the parser did not finish: the statement is left out, its body's errors stay
        }
        return close + 1 < tokens.size() ? close + 1 : -1;
    }

    private boolean inside(int open, int error) {
        return open >= 0 && open < error && error <= brackets().close(open);
    }

    private static int index(TerminalNode node) {
        return node == null ? -1 : node.getSymbol().getTokenIndex();
    }

    private TextRange span(int from, int to) {
        return builder.range(tokens.get(from)).cover(builder.range(tokens.get(to)));
    }

    /** Parses a sequence from {@code at}, reporting its first error once; {@code null} past the budget. */
    private Segment parse(Entry entry, int at, int close) {
        if (restarts++ > MAX_RESTARTS || budget <= 0) {
            return null;
        }
        budget -= close - at + 1;
        Segment segment = parser.parse(entry, at);
        segment.checks().forEach(this::report);
        if (!segment.ok()) {
            report(segment.error());
        }
        return segment;
    }

    private void report(SyntaxError error) {
        Diagnostic described = messages.describe(error);
        boolean crlf = described.code().equals(DiagnosticCodes.MCL_CRLF);
        if (crlf && crlfReported || !reported.add(error.range().start())) {
            return;
        }
        crlfReported |= crlf;
        diagnostics.add(described);
    }

    private <C extends ParserRuleContext, T> void build(C ctx, Function<C, T> build, List<? super T> out) {
        try {
            out.add(build.apply(ctx));
        } catch (AstBuilder.TooDeep | StackOverflowError deep) {
            tooDeep(ctx.getStart());
        } catch (RuntimeException incomplete) {
            // a statement the parser did not finish: it is not part of the tree
        }
    }

    private void tooDeep(Token at) {
        TextRange range = builder.range(at);
        if (reported.add(range.start())) {
            diagnostics.add(Diagnostic.error(TextRange.at(range.start()), "mcl", "syntax", DiagnosticCodes.MCL_TOO_DEEP,
                    "nested too deeply: rx-lsp stops parsing brackets, parentheses or blocks this deep"));
        }
    }

    /**
     * Where parsing resumes after an error at token {@code error} in a statement (or item) starting at
     * {@code from}: the first token that starts a line after the error's line, can start a statement
     * (or item) and is at the sequence's own level, skipping bracketed groups. When the brackets do
     * not balance (an unclosed list swallows the rest), the first such token in the statement's own
     * column instead. -1 when the sequence has none before {@code close}.
     */
    private int restart(Set<Integer> starts, int from, int error, int close) {
        int next = nextAtLevel(starts, from, error, close);
        if (next >= 0) {
            return next;
        }
        int line = tokens.get(Math.min(error, tokens.size() - 1)).getLine();
        int column = tokens.get(from).getCharPositionInLine();
        for (int i = error + 1; i < close; i++) {
            if (candidate(i, starts, line) && tokens.get(i).getCharPositionInLine() == column) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first token after {@code error}'s line, from {@code from} on, that can start a statement (or
     * item) at the sequence's own level, skipping bracketed groups whole; -1 when there is none before
     * {@code close} or a group runs on to it.
     */
    private int nextAtLevel(Set<Integer> starts, int from, int error, int close) {
        int line = tokens.get(Math.min(error, tokens.size() - 1)).getLine();
        for (int i = from; i < close; i++) {
            if (i > error && candidate(i, starts, line)) {
                return i;
            }
            int end = brackets().close(i);
            if (end > i) {
                if (end >= close) {
                    break;
                }
                i = end;
            }
        }
        return -1;
    }

    private boolean candidate(int i, Set<Integer> starts, int errorLine) {
        Token t = tokens.get(i);
        return t.getLine() > errorLine && starts.contains(t.getType()) && tokens.get(i - 1).getLine() < t.getLine();
    }
}
