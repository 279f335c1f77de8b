package rxlsp.mcl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
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
import org.antlr.v4.runtime.misc.IntervalSet;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.mcl.grammar.MclParser;
import rxlsp.text.TextRange;

/**
 * Lexes and parses MCL with the ANTLR grammar and reports what mgmt's lex/parse stage would reject:
 * lexer errors (unrecognized characters including {@code \r}, integer and float overflow), syntax
 * errors, and the few checks mgmt's parser makes in its grammar actions (see {@link ParseStageChecks}).
 *
 * <p>{@link SegmentParser} runs the parses (SLL first, LL only from the failing statement on, stopping
 * at the first error); this class holds the lexer, mgmt's error wording and positions. Nothing is printed.
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

    /**
     * Parses an MCL text up to its first lex/parse error; a syntax error suppresses the grammar-action
     * checks, as in mgmt. The tree holds the statements parsed.
     */
    public static Result parseTree(String text, Dialect dialect) {
        MclLexer lexer = lexer(text, dialect);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        SegmentParser parser = new SegmentParser(tokens, dialect, new Positions(text, tokens));
        SegmentParser.Segment segment = parser.parse(SegmentParser.Entry.FILE, 0);
        List<SyntaxError> errors = new ArrayList<>(segment.checks());
        if (!segment.ok()) {
            errors.add(segment.error());
        }
        errors.sort(Comparator.comparingInt((SyntaxError e) -> e.range().start()).thenComparingInt(e -> e.range().end()));
        MclParser.FileContext file = new MclParser.FileContext(null, 0);
        MclParser.ProgContext prog = new MclParser.ProgContext(file, 0);
        file.addChild(prog);
        segment.children().forEach(prog::addChild);
        return new Result(file, tokens, List.copyOf(errors), segment.ok());
    }

    /** All tokens of a text, every channel, ending with EOF. */
    static List<Token> lex(String text, Dialect dialect) {
        CommonTokenStream tokens = new CommonTokenStream(lexer(text, dialect));
        tokens.fill();
        return tokens.getTokens();
    }

    static MclLexer lexer(String text, Dialect dialect) {
        MclLexer lexer = new MclLexer(CharStreams.fromString(text));
        lexer.legacy = dialect.legacy();
        lexer.removeErrorListeners();
        return lexer;
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
    static final class YaccLikeErrorPosition extends ParserATNSimulator {
        private boolean failedPastStart;

        YaccLikeErrorPosition(MclParser parser, ParserATNSimulator shared) {
            super(parser, parser.getATN(), shared.decisionToDFA, new PredictionContextCache());
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
    static NavigableMap<Integer, SyntaxError> lexerErrors(CommonTokenStream tokens, Positions positions) {
        NavigableMap<Integer, SyntaxError> errors = new TreeMap<>();
        for (Token token : tokens.getTokens()) {
            int type = token.getType();
            if (type != MclLexer.ERROR && type != MclLexer.INTEGER && type != MclLexer.FLOAT) {
                continue;
            }
            String text = token.getText();
            int at = token.getTokenIndex();
            switch (type) {
                case MclLexer.ERROR -> errors.put(at, positions.error(token, text.equals("\r")
                        ? "unrecognized carriage return (CRLF line endings are not accepted)"
                        : "unrecognized character `" + text + "`"));
                case MclLexer.INTEGER -> {
                    try {
                        Long.parseLong(text);
                    } catch (NumberFormatException overflow) {
                        errors.put(at, positions.error(token, "integer: overflow: `" + text + "`"));
                    }
                }
                case MclLexer.FLOAT -> {
                    // float64 holds up to ~1.8e308: only a long literal can overflow
                    if (text.length() > 300 && Double.isInfinite(Double.parseDouble(text))) {
                        errors.put(at, positions.error(token, "float: overflow: `" + text + "`"));
                    }
                }
                default -> {
                }
            }
        }
        return errors;
    }

    /**
     * Words the first syntax error in mgmt's vocabulary ({@code unexpected X[, expecting A or B]}) and
     * stops the parse there by throwing {@link Stop}: what follows is error recovery's business.
     */
    static final class Stopper extends BaseErrorListener {
        /** The end of a parse at its first error; {@code error} is {@code null} at a lexer ERROR token. */
        static final class Stop extends RuntimeException {
            private final transient ParserRuleContext context;
            private final int token;
            private final transient SyntaxError error;

            Stop(ParserRuleContext context, int token, SyntaxError error) {
                super(null, null, false, false);
                this.context = context;
                this.token = token;
                this.error = error;
            }

            ParserRuleContext context() {
                return context;
            }

            int token() {
                return token;
            }

            SyntaxError error() {
                return error;
            }
        }

        private final MclParser parser;
        private final Positions positions;

        Stopper(MclParser parser, Positions positions) {
            this.parser = parser;
            this.positions = positions;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                                RecognitionException e) {
            Token token = (Token) offendingSymbol;
            if (token.getType() == MclLexer.ERROR) {
                throw new Stop(parser.getContext(), token.getTokenIndex(), null); // reported as the lexer error it is
            }
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
            throw new Stop(parser.getContext(), token.getTokenIndex(),
                    new SyntaxError(at.line(), at.column(), at.range(), at.message(), context));
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
