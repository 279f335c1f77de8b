package rxlsp.mcl;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import rxlsp.mcl.grammar.MclParser;

/**
 * Parses one statement sequence (the file, a block's body or a resource's body) from a token index on,
 * up to its first error, over one token stream shared by all the parses of a file.
 *
 * <p>A parse runs in ANTLR's SLL mode and bails out at the first failure. Only then is the part from the
 * failing statement on parsed again in full LL mode with mgmt's error position (see
 * {@link MclSyntax.Stopper}): the statements before it were parsed by SLL without error, which ANTLR
 * guarantees is the LL parse, and a statement's parse depends only on the rules around the sequence, so
 * the LL parse from there finds the same first error as one from the start, for a fraction of the cost
 * (LL prediction is much slower than SLL). Parsing stops at the first error: what comes after it is
 * {@link ErrorRecovery}'s job, which avoids ANTLR's in-rule recovery and the error echoes it produces.
 * The ANTLR DFA cache is static in the generated parser and shared by every parse.
 */
final class SegmentParser {
    /**
     * How deep brackets ({@code ( [ {}) may nest in one parse. ANTLR's rule calls, and its prediction's
     * walks over them, go as deep as the nesting; whether a 16 MB stack holds 6,000 levels depended on
     * how the JIT had compiled the parser by then, so the same text could parse, or be "too deep",
     * from one analysis to the next. Counting the brackets consumed answers the same every time. The
     * AST builder refuses a tree deeper than {@link AstBuilder#MAX_DEPTH} anyway (about 670 levels of
     * lists); a parse to 1,000 levels needs well under 16 MB in every compilation mode.
     */
    static final int MAX_NESTING = 1_000;

    /** The rule a sequence is parsed with. */
    enum Entry { FILE, BLOCK, ITEMS }

    /**
     * A parse of a sequence.
     *
     * @param children     the statements (or resource items) parsed, the failing one last
     * @param error        the first lex/parse error, or {@code null}
     * @param errorToken   the index of the token at that error
     * @param errorContext the rule the parser was in when it stopped at the error, or {@code null}
     * @param checks       the grammar-action errors of a sequence that parsed without error
     */
    record Segment(List<ParserRuleContext> children, SyntaxError error, int errorToken, ParserRuleContext errorContext,
                   List<SyntaxError> checks) {
        boolean ok() {
            return error == null;
        }

        /** The same error seen from a block or resource body ({@code prog} or {@code resourceBody}) inside. */
        Segment within(ParserRuleContext body) {
            return new Segment(SegmentParser.children(body), error, errorToken, errorContext, List.of());
        }
    }

    private final CommonTokenStream tokens;
    private final Dialect dialect;
    private final MclSyntax.Positions positions;
    private final NavigableMap<Integer, SyntaxError> lexerErrors;
    private final NestingParser parser;
    private final ParserATNSimulator sll;

    SegmentParser(CommonTokenStream tokens, Dialect dialect, MclSyntax.Positions positions) {
        this.tokens = tokens;
        this.dialect = dialect;
        this.positions = positions;
        this.lexerErrors = MclSyntax.lexerErrors(tokens, positions);
        this.parser = new NestingParser(tokens);
        parser.legacy = dialect.legacy();
        parser.removeErrorListeners();
        this.sll = parser.getInterpreter();
    }

    /** Parses the sequence starting at token {@code from}. */
    Segment parse(Entry entry, int from) {
        List<ParserRuleContext> children = new ArrayList<>();
        try {
            ParserRuleContext root;
            MclSyntax.Stopper.Stop stop = null;
            try {
                root = run(entry, from, false);
            } catch (ParseCancellationException sllFailed) {
                RecognitionException cause = (RecognitionException) sllFailed.getCause();
                List<ParserRuleContext> sllChildren = sequence(rootOf((ParserRuleContext) cause.getCtx()));
                int restart = from;
                if (!sllChildren.isEmpty()) {
                    ParserRuleContext failing = sllChildren.removeLast();
                    restart = failing.getStart().getTokenIndex();
                }
                children.addAll(sllChildren);
                try {
                    root = run(entry, restart, true);
                } catch (MclSyntax.Stopper.Stop stopped) {
                    stop = stopped;
                    root = rootOf(stopped.context());
                }
            }
            children.addAll(sequence(root));
            int end = stop != null ? stop.token() : root.getStop() != null ? root.getStop().getTokenIndex() : from;
            var lexical = lexerErrors.subMap(from, true, end, true).firstEntry();
            if (lexical != null) {
                return new Segment(children, lexical.getValue(), lexical.getKey(),
                        stop != null && stop.token() == lexical.getKey() ? stop.context() : null, List.of());
            }
            if (stop != null) {
                return new Segment(children, stop.error(), stop.token(), stop.context(), List.of());
            }
            List<SyntaxError> checks = new ArrayList<>();
            for (ParserRuleContext child : children) {
                checks.addAll(ParseStageChecks.check(child, dialect, positions));
            }
            return new Segment(children, null, -1, null, checks);
        } catch (NestingParser.TooDeep | StackOverflowError deep) { // the latter only on a thread with a small stack
            return new Segment(List.of(), positions.error(tokens.get(from), MclSyntax.TOO_DEEP), from, null, List.of());
        }
    }

    private ParserRuleContext run(Entry entry, int from, boolean ll) {
        parser.reset();
        parser.nesting = 0;
        tokens.seek(from);
        if (ll) {
            parser.setInterpreter(new MclSyntax.YaccLikeErrorPosition(parser, sll));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new MclSyntax.Stopper(parser, positions));
        } else {
            parser.setInterpreter(sll);
            sll.setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
        }
        try {
            return switch (entry) {
                case FILE -> parser.file();
                case BLOCK -> parser.block();
                case ITEMS -> parser.resourceBlock();
            };
        } finally {
            parser.removeErrorListeners();
        }
    }

    private static ParserRuleContext rootOf(ParserRuleContext ctx) {
        ParserRuleContext root = ctx;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root;
    }

    /** The statements (or items) under an entry rule's context. */
    private static List<ParserRuleContext> sequence(ParserRuleContext root) {
        return children(switch (root) {
            case MclParser.FileContext f -> f.prog();
            case MclParser.BlockContext b -> b.prog();
            case MclParser.ResourceBlockContext r -> r.resourceBody();
            default -> null;
        });
    }

    /** The statements of a {@code prog}, the items of a {@code resourceBody}. */
    private static List<ParserRuleContext> children(ParserRuleContext seq) {
        List<ParserRuleContext> out = new ArrayList<>();
        if (seq != null && seq.children != null) {
            for (var child : seq.children) {
                if (child instanceof MclParser.StmtContext || child instanceof MclParser.ResItemContext) {
                    out.add((ParserRuleContext) child);
                }
            }
        }
        return out;
    }

    /** The generated parser, counting how deep the brackets it has consumed nest ({@link #MAX_NESTING}). */
    private static final class NestingParser extends MclParser {
        /** Brackets opened and not closed since the parse began (closers of enclosing ones make it negative). */
        int nesting;

        NestingParser(CommonTokenStream tokens) {
            super(tokens);
        }

        @Override
        public org.antlr.v4.runtime.Token consume() {
            switch (getCurrentToken().getType()) {
                case OPEN_CURLY, OPEN_PAREN, OPEN_BRACK -> {
                    if (++nesting > MAX_NESTING) {
                        throw new TooDeep();
                    }
                }
                case CLOSE_CURLY, CLOSE_PAREN, CLOSE_BRACK -> nesting--;
                default -> {
                }
            }
            return super.consume();
        }

        /** Thrown out of the parse at the first bracket beyond {@link #MAX_NESTING}. */
        static final class TooDeep extends RuntimeException {
            TooDeep() {
                super(MclSyntax.TOO_DEEP, null, false, false);
            }
        }
    }
}
