package rxlsp.mcl;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.grammar.MclLexer;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.TextRange;

/**
 * Rewrites lex/parse errors, which {@link MclSyntax} words in mgmt's token vocabulary, into messages
 * for people ("missing `,` after resource field `state`" rather than "unexpected NEWLINE"), each with
 * a stable code. The position is never changed: it is the one mgmt reports.
 */
final class SyntaxMessages {
    private static final Map<String, String> CONTAINERS = Map.of(
            "list", "list", "map", "map", "struct", "struct", "callArgs", "argument list",
            "params", "parameter list", "funcTypeArgs", "function type");
    private static final Set<Integer> VALUE_ENDS = Set.of(MclLexer.STRING, MclLexer.INTEGER, MclLexer.FLOAT,
            MclLexer.BOOL, MclLexer.IDENTIFIER, MclLexer.CLOSE_BRACK, MclLexer.CLOSE_CURLY, MclLexer.CLOSE_PAREN,
            MclLexer.MAP_IDENTIFIER, MclLexer.COLLECT_IDENTIFIER, MclLexer.BOOL_IDENTIFIER, MclLexer.STR_IDENTIFIER,
            MclLexer.INT_IDENTIFIER, MclLexer.FLOAT_IDENTIFIER, MclLexer.VARIANT_IDENTIFIER);

    private static final Set<Integer> OPERATORS = Set.of(MclLexer.EQUALS, MclLexer.ROCKET, MclLexer.PLUS,
            MclLexer.MINUS, MclLexer.MULTIPLY, MclLexer.DIVIDE, MclLexer.EQ, MclLexer.NEQ, MclLexer.LT, MclLexer.GT,
            MclLexer.LTE, MclLexer.GTE, MclLexer.AND, MclLexer.OR, MclLexer.NOT, MclLexer.IN, MclLexer.EXCEPT,
            MclLexer.DEFAULT, MclLexer.ELVIS);

    private final List<Token> tokens;
    private final int[] starts;
    private final Dialect dialect;

    /**
     * @param tokens the parser-visible tokens of the file, in order, ending with EOF
     * @param starts their start offsets in UTF-16 units (tokens count code points)
     */
    SyntaxMessages(List<Token> tokens, int[] starts, Dialect dialect) {
        this.tokens = tokens;
        this.starts = starts;
        this.dialect = dialect;
    }

    Diagnostic describe(SyntaxError error) {
        String m = error.message();
        if (error.context() == null) {
            return nonSyntax(error, m);
        }
        SyntaxError.Context c = error.context();
        int at = tokenAt(error);
        Token previous = at > 0 ? tokens.get(at - 1) : null;
        String container = innermostContainer(c.rules());

        if (c.unexpected().equals("EQ") && previous != null && at >= 2
                && tokens.get(at - 2).getType() == MclLexer.DOLLAR && startsStatement(at - 2)) {
            String name = previous.getText();
            return make(error, DiagnosticCodes.MCL_ADDITIONAL_EQUALS, "additional equals in bind statement: `$" + name
                    + " == …` at statement level does nothing; did you mean `$" + name + " = …`?");
        }
        boolean lineOrBlockEnd = c.unexpected().equals("NEWLINE") || c.unexpected().equals("CLOSE_CURLY");
        if (lineOrBlockEnd && "resItem".equals(container) && previous != null && VALUE_ENDS.contains(previous.getType())) {
            String field = fieldName(at);
            if (field != null && Character.isUpperCase(field.charAt(0))) { // an edge or Meta item
                return make(error, DiagnosticCodes.MCL_MISSING_COMMA, "missing `,` after `" + field + " => …`: every resource"
                        + " item ends with a trailing comma");
            }
            return make(error, DiagnosticCodes.MCL_MISSING_COMMA, "missing `,` after resource field"
                    + (field != null ? " `" + field + "`" : "") + ": every resource field ends with a trailing comma");
        }
        boolean closer = c.unexpected().startsWith("CLOSE_");
        if ((c.predicate() != null && c.predicate().startsWith("expecting COMMA"))
                || (dialect == Dialect.MGMT_1_0 && closer && c.expected().equals(List.of("COMMA"))
                    && container != null && !container.equals("callArgs") && !container.equals("params"))) {
            return make(error, DiagnosticCodes.MCL_MISSING_COMMA, "missing `,`: mgmt 1.0 needs `,` after every element of a "
                    + "list, map or struct, the last one included");
        }
        if (container != null && !container.equals("resItem") && previous != null) {
            String what = CONTAINERS.get(container);
            if (c.unexpected().equals("NEWLINE") && VALUE_ENDS.contains(previous.getType())) {
                return make(error, DiagnosticCodes.MCL_MISSING_COMMA, "a multi-line " + what
                        + " needs `,` after every element, the last one included");
            }
            if (closer && previous.getType() == MclLexer.COMMA && dialect == Dialect.MGMT_1_1) {
                return make(error, DiagnosticCodes.MCL_TRAILING_COMMA, "a single-line " + what + " takes no `,` after its last"
                        + " element: remove it, or put every element on its own line after a line break");
            }
            if (!closer && !c.unexpected().equals("NEWLINE") && !c.unexpected().equals("$end")
                    && VALUE_ENDS.contains(previous.getType()) && c.expected().contains("COMMA")) {
                return make(error, DiagnosticCodes.MCL_MISSING_COMMA, "missing `,` between elements of the " + what
                        + " before " + word(c.unexpected(), error));
            }
        }
        boolean comparison = Set.of("EQ", "NEQ", "LT", "GT", "LTE", "GTE").contains(c.unexpected());
        if ((c.predicate() != null && c.predicate().contains("non-associative"))
                || (comparison && previous != null && VALUE_ENDS.contains(previous.getType()))) {
            return make(error, DiagnosticCodes.MCL_CHAINED_COMPARISON, "comparisons do not chain: use parentheses or `and`"
                    + " instead of a second " + word(c.unexpected(), error));
        }
        if (c.predicate() != null && c.predicate().startsWith("only mgmt 1.0")) {
            return make(error, DiagnosticCodes.MCL_SYNTAX_ERROR, "unexpected " + word(c.unexpected(), error)
                    + ": a leading separator is accepted only by mgmt 1.0");
        }
        if (previous != null && OPERATORS.contains(previous.getType())
                && (c.unexpected().equals("NEWLINE") || c.unexpected().equals("$end") || closer)) {
            return make(error, DiagnosticCodes.MCL_MISSING_VALUE, "expected a value after " + tokenWord(
                    MclLexer.VOCABULARY.getSymbolicName(previous.getType())) + ", found " + word(c.unexpected(), error));
        }
        if (c.unexpected().equals("$end")) {
            return make(error, DiagnosticCodes.MCL_UNEXPECTED_EOF, "unexpected end of file" + expecting(c.expected()));
        }
        if (c.predicate() != null && c.predicate().equals("expecting NEWLINE")) {
            return make(error, DiagnosticCodes.MCL_UNEXPECTED_TOKEN, "unexpected " + word(c.unexpected(), error)
                    + ": the statement should end here; put each statement on its own line");
        }
        return make(error, DiagnosticCodes.MCL_UNEXPECTED_TOKEN, "unexpected " + word(c.unexpected(), error) + expecting(c.expected()));
    }

    private static Diagnostic nonSyntax(SyntaxError error, String m) {
        if (m.startsWith("unrecognized carriage return")) {
            // an empty range where the `\r` is: covering it would end inside the line break
            return Diagnostic.error(TextRange.at(error.range().start()), "mcl", "syntax", DiagnosticCodes.MCL_CRLF,
                    "carriage return (`\\r`): mgmt accepts only `\\n` line endings; convert the file from CRLF to LF");
        }
        if (m.equals("unrecognized character `\"`")) {
            return make(error, DiagnosticCodes.MCL_UNTERMINATED_STRING, "unterminated string: no closing `\"` before the end of the file");
        }
        if (m.startsWith("unrecognized character")) {
            return make(error, DiagnosticCodes.MCL_UNRECOGNIZED_CHARACTER, m.replace("unrecognized character", "unexpected character"));
        }
        if (m.startsWith("integer: overflow")) {
            return make(error, DiagnosticCodes.MCL_INTEGER_OVERFLOW, "integer " + m.substring(m.indexOf('`'))
                    + " does not fit in 64 bits (signed)");
        }
        if (m.startsWith("float: overflow")) {
            return make(error, DiagnosticCodes.MCL_FLOAT_OVERFLOW, "float " + m.substring(m.indexOf('`')) + " is too large");
        }
        if (m.equals(MclSyntax.TOO_DEEP)) {
            return make(error, DiagnosticCodes.MCL_TOO_DEEP, "nested too deeply: rx-lsp stops parsing brackets, parentheses or"
                    + " blocks this deep");
        }
        if (m.startsWith("can't set return type in parser: ")) {
            return make(error, DiagnosticCodes.MCL_BAD_TYPE_ANNOTATION, "invalid type annotation: "
                    + m.substring("can't set return type in parser: ".length()));
        }
        if (m.startsWith("can't use unknown resource field: ")) {
            return make(error, DiagnosticCodes.MCL_UNKNOWN_FIELD_SYNTAX, "unknown resource field syntax `"
                    + m.substring("can't use unknown resource field: ".length()) + "`: a capitalized item must be"
                    + " `Meta => …`, `Meta:param => …` or an edge (Before, Depend, Notify, Listen)");
        }
        return make(error, DiagnosticCodes.MCL_SYNTAX_ERROR, m);
    }

    private static Diagnostic make(SyntaxError error, String code, String message) {
        return Diagnostic.error(error.range(), "mcl", "syntax", code, message);
    }

    /** The grammar rule of the nearest enclosing list, map, struct, argument list or resource item. */
    private static String innermostContainer(List<String> rules) {
        for (String rule : rules) {
            if (CONTAINERS.containsKey(rule) || rule.equals("resItem")) {
                return rule;
            }
            if (rule.equals("funcBody") || rule.equals("stmt") || rule.equals("primary")) {
                return null;
            }
        }
        return null;
    }

    /** Index of the parser token at the error (the first one at or after its start). */
    private int tokenAt(SyntaxError error) {
        int lo = 0;
        int hi = tokens.size();
        int offset = error.range().start();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (offsetOf(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int offsetOf(int index) {
        return tokens.get(index).getType() == Token.EOF ? Integer.MAX_VALUE : starts[index];
    }

    private boolean startsStatement(int index) {
        if (index == 0) {
            return true;
        }
        int type = tokens.get(index - 1).getType();
        return dialect == Dialect.MGMT_1_0 || type == MclLexer.NEWLINE || type == MclLexer.OPEN_CURLY;
    }

    /** The name before the nearest {@code =>} on the way back from {@code index}, at bracket depth 0. */
    private String fieldName(int index) {
        int depth = 0;
        for (int i = index - 1; i > 0; i--) {
            int type = tokens.get(i).getType();
            switch (type) {
                case MclLexer.CLOSE_BRACK, MclLexer.CLOSE_CURLY, MclLexer.CLOSE_PAREN -> depth++;
                case MclLexer.OPEN_BRACK, MclLexer.OPEN_CURLY, MclLexer.OPEN_PAREN -> {
                    if (depth-- == 0) {
                        return null;
                    }
                }
                case MclLexer.ROCKET -> {
                    if (depth == 0) {
                        Token name = tokens.get(i - 1);
                        if (i >= 3 && tokens.get(i - 2).getType() == MclLexer.COLON) {
                            return tokens.get(i - 3).getText() + ":" + name.getText();
                        }
                        return name.getText();
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    private String word(String tokenName, SyntaxError error) {
        Token t = tokens.get(Math.min(tokenAt(error), tokens.size() - 1));
        String w = tokenWord(tokenName);
        return switch (tokenName) {
            case "IDENTIFIER", "CAPITALIZED_IDENTIFIER", "INTEGER", "FLOAT" -> w + " `" + t.getText() + "`";
            case "STRING" -> t.getText().length() <= 30 ? w + " " + t.getText() : w;
            default -> w;
        };
    }

    private static String expecting(List<String> expected) {
        if (expected.isEmpty() || expected.size() > 4) {
            return "";
        }
        return ", expecting " + expected.stream().map(SyntaxMessages::tokenWord).collect(Collectors.joining(" or "));
    }

    /** A token name in words: {@code `{`}, "end of line", "a name". */
    static String tokenWord(String name) {
        switch (name) {
            case "$end": return "end of file";
            case "NEWLINE": return "end of line";
            case "IDENTIFIER": return "name";
            case "CAPITALIZED_IDENTIFIER": return "capitalized name";
            case "STRING": return "string";
            case "INTEGER": return "integer";
            case "FLOAT": return "float";
            case "BOOL": return "`true`/`false`";
            case "ERROR": return "character";
            default: break;
        }
        for (int type = 1; type <= MclLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (name.equals(MclLexer.VOCABULARY.getSymbolicName(type))) {
                String literal = MclLexer.VOCABULARY.getLiteralName(type);
                return literal != null ? "`" + literal.substring(1, literal.length() - 1) + "`" : name;
            }
        }
        return name;
    }
}
