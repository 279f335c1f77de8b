package rxlsp.mcl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.mcl.grammar.MclParser;
import rxlsp.text.TextRange;

/**
 * Lexes and parses MCL with the ANTLR grammar and reports what mgmt's lex/parse stage would reject:
 * lexer errors (unrecognized characters including {@code \r}, integer and float overflow), syntax
 * errors, and the few checks mgmt's parser makes in its grammar actions (see {@link ParseStageChecks}).
 *
 * <p>Parsing runs in ANTLR's SLL mode first and is repeated in full LL mode, with error recovery, only
 * when that fails; nothing is printed.
 */
public final class MclSyntax {
    /** The message for input whose nesting exhausts the parser's stack. */
    static final String TOO_DEEP = "the program is nested too deeply to be parsed";

    private MclSyntax() {
    }

    /**
     * A parse: the tree (partial when there are errors, {@code null} when too deep), its tokens, and the
     * errors in source order. {@code syntaxOk} is true when lexing and parsing succeeded, so the tree is
     * complete even if grammar-action checks reported errors.
     */
    public record Result(MclParser.FileContext tree, CommonTokenStream tokens, List<SyntaxError> errors,
                         boolean syntaxOk) {
    }

    /** The lex/parse errors of an MCL text, in source order; empty when mgmt would accept it. */
    public static List<SyntaxError> parse(String text, Dialect dialect) {
        return parseTree(text, dialect).errors();
    }

    /** Parses an MCL text. A syntax error suppresses the grammar-action checks, as in mgmt. */
    public static Result parseTree(String text, Dialect dialect) {
        return parseTokens(text, dialect, lex(text, dialect), 0);
    }

    /** All tokens of a text, every channel, ending with EOF. */
    static List<Token> lex(String text, Dialect dialect) {
        MclLexer lexer = new MclLexer(CharStreams.fromString(text));
        lexer.legacy = dialect.legacy();
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return tokens.getTokens();
    }

    /**
     * Parses the tokens from index {@code from} on as if they were a whole file: how error recovery
     * re-starts after a broken statement. The tokens keep their positions in {@code text}.
     */
    static Result parseTokens(String text, Dialect dialect, List<Token> all, int from) {
        return parseTokens(new CodePointOffsets(text), dialect, all, from);
    }

    static Result parseTokens(CodePointOffsets offsets, Dialect dialect, List<Token> all, int from) {
        List<Token> segment = all;
        if (from > 0) { // the stream renumbers its tokens: give a restart copies, keep the first parse cheap
            segment = new ArrayList<>(all.size() - from);
            for (int i = from; i < all.size(); i++) {
                segment.add(new org.antlr.v4.runtime.CommonToken(all.get(i)));
            }
        }
        CommonTokenStream tokens = new CommonTokenStream(new org.antlr.v4.runtime.ListTokenSource(segment));
        tokens.fill();
        Positions positions = new Positions(offsets, tokens);

        List<SyntaxError> errors = new ArrayList<>(lexerErrors(tokens, positions));
        MclParser parser = new MclParser(tokens);
        parser.legacy = dialect.legacy();
        parser.removeErrorListeners();
        MclParser.FileContext tree;
        boolean syntaxOk = false;
        try {
            tree = parseTwoStage(parser, tokens, positions, errors);
            if (errors.isEmpty()) {
                syntaxOk = true;
                errors.addAll(ParseStageChecks.check(tree, dialect, positions));
            }
        } catch (StackOverflowError deep) {
            tree = null;
            errors.add(positions.error(tokens.get(0), TOO_DEEP));
        }
        errors.sort(Comparator.comparingInt((SyntaxError e) -> e.range().start()).thenComparingInt(e -> e.range().end()));
        return new Result(tree, tokens, List.copyOf(errors), syntaxOk);
    }

    private static MclParser.FileContext parseTwoStage(MclParser parser, CommonTokenStream tokens, Positions positions,
                                                       List<SyntaxError> errors) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.file();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.setInterpreter(new YaccLikeErrorPosition(parser));
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new Collector(parser, positions, errors));
            return parser.file();
        }
    }

    /**
     * Reports a syntax error at the token where every alternative failed, as mgmt's LR parser does.
     * When no alternative of a decision can go on, ANTLR by default picks one that already left the
     * deciding rule and reports the error in the caller, at the token where the decision started: for
     * {@code $f -1 [$a, $b] {}} that is the {@code [} rather than the {@code ,} mgmt names. This keeps
     * ANTLR's choice when the decision failed on its first token and otherwise reports where the
     * furthest alternative failed. Only used after the SLL pass failed, so it changes where errors are
     * reported, never what is accepted.
     */
    private static final class YaccLikeErrorPosition extends ParserATNSimulator {
        private boolean failedPastStart;

        YaccLikeErrorPosition(MclParser parser) {
            super(parser, parser.getATN(), parser.getInterpreter().decisionToDFA, new PredictionContextCache());
        }

        @Override
        protected NoViableAltException noViableAlt(TokenStream input, ParserRuleContext outerContext, ATNConfigSet configs,
                                                   int startIndex) {
            failedPastStart = input.index() > startIndex;
            return super.noViableAlt(input, outerContext, configs, startIndex);
        }

        @Override
        protected int getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(ATNConfigSet configs,
                                                                           ParserRuleContext outerContext) {
            return failedPastStart ? ATN.INVALID_ALT_NUMBER
                    : super.getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(configs, outerContext);
        }
    }

    /** mgmt's lexer errors: characters no rule matches, and numbers outside int64 / float64. */
    private static List<SyntaxError> lexerErrors(CommonTokenStream tokens, Positions positions) {
        List<SyntaxError> errors = new ArrayList<>();
        for (Token token : tokens.getTokens()) {
            String text = token.getText();
            switch (token.getType()) {
                case MclLexer.ERROR -> errors.add(positions.error(token, text.equals("\r")
                        ? "unrecognized carriage return (CRLF line endings are not accepted)"
                        : "unrecognized character `" + text + "`"));
                case MclLexer.INTEGER -> {
                    try {
                        Long.parseLong(text);
                    } catch (NumberFormatException overflow) {
                        errors.add(positions.error(token, "integer: overflow: `" + text + "`"));
                    }
                }
                case MclLexer.FLOAT -> {
                    if (Double.isInfinite(Double.parseDouble(text))) {
                        errors.add(positions.error(token, "float: overflow: `" + text + "`"));
                    }
                }
                default -> {
                }
            }
        }
        return errors;
    }

    /** Collects syntax errors in mgmt's vocabulary: {@code unexpected X[, expecting A or B]}. */
    private static final class Collector extends BaseErrorListener {
        private final MclParser parser;
        private final Positions positions;
        private final List<SyntaxError> errors;
        private int lastStart = -1;

        Collector(MclParser parser, Positions positions, List<SyntaxError> errors) {
            this.parser = parser;
            this.positions = positions;
            this.errors = errors;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                                RecognitionException e) {
            Token token = (Token) offendingSymbol;
            if (token.getType() == MclLexer.ERROR) {
                return; // reported as the lexer error it is
            }
            if (token.getStartIndex() <= lastStart) {
                return; // recovery came back to or before an error already reported: an echo of it
            }
            lastStart = token.getStartIndex();
            String message = "unexpected " + tokenName(token.getType());
            if (e instanceof FailedPredicateException failed) {
                String why = failed.getMessage();
                message += why.startsWith("expecting") ? ", " + why : " (" + why + ")";
            } else {
                IntervalSet expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
                if (expected != null) {
                    // A token ruled out by a dialect predicate can still be in the ATN's expected set.
                    expected = expected.subtract(IntervalSet.of(token.getType()));
                }
                if (expected != null && !expected.isNil() && expected.size() <= 4) {
                    List<String> names = new ArrayList<>();
                    for (int type : expected.toArray()) {
                        names.add(tokenName(type));
                    }
                    message += ", expecting " + String.join(" or ", names);
                }
            }
            IntervalSet expectedSet = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            List<String> expectedNames = new ArrayList<>();
            if (expectedSet != null && expectedSet.size() <= 8) {
                for (int type : expectedSet.subtract(IntervalSet.of(token.getType())).toArray()) {
                    expectedNames.add(tokenName(type));
                }
            }
            SyntaxError.Context context = new SyntaxError.Context(tokenName(token.getType()), expectedNames,
                    parser.getRuleInvocationStack(), e instanceof FailedPredicateException f ? f.getMessage() : null);
            SyntaxError at = positions.error(token, message);
            errors.add(new SyntaxError(at.line(), at.column(), at.range(), at.message(), context));
        }
    }

    /** mgmt's token names; {@code $end} for the end of input. */
    static String tokenName(int type) {
        return type == Token.EOF ? "$end" : MclLexer.VOCABULARY.getSymbolicName(type);
    }

    /** Converts ANTLR's code-point positions to the project's UTF-16 offsets. */
    static final class Positions {
        private final CodePointOffsets offsets;
        private final CommonTokenStream tokens;

        Positions(String text, CommonTokenStream tokens) {
            this(new CodePointOffsets(text), tokens);
        }

        Positions(CodePointOffsets offsets, CommonTokenStream tokens) {
            this.offsets = offsets;
            this.tokens = tokens;
        }

        int offset(int codePointIndex) {
            return offsets.utf16(codePointIndex);
        }

        /**
         * An error at a token. An unexpected end of input sits just after the last token the parser
         * saw: in 1.1+ that is usually the final newline (where mgmt reports it too), in 1.0, where
         * newlines are hidden, the end of the unfinished construct rather than a trailing blank line.
         */
        SyntaxError error(Token token, String message) {
            if (token.getType() == Token.EOF) {
                Token last = lastParserToken();
                if (last != null) {
                    return after(last, message);
                }
            }
            int start = offset(token.getStartIndex());
            int end = Math.max(start, offset(token.getStopIndex() + 1));
            return new SyntaxError(token.getLine(), token.getCharPositionInLine(), new TextRange(start, end), message);
        }

        private Token lastParserToken() {
            for (int i = tokens.size() - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getType() != Token.EOF && t.getChannel() == Token.DEFAULT_CHANNEL) {
                    return t;
                }
            }
            return null;
        }

        private SyntaxError after(Token token, String message) {
            String tokenText = token.getText();
            int newlines = (int) tokenText.chars().filter(c -> c == '\n').count();
            int line = token.getLine() + newlines;
            int column = newlines == 0
                    ? token.getCharPositionInLine() + tokenText.codePointCount(0, tokenText.length())
                    : tokenText.codePointCount(tokenText.lastIndexOf('\n') + 1, tokenText.length());
            return new SyntaxError(line, column, TextRange.at(offset(token.getStopIndex() + 1)), message);
        }
    }
}
