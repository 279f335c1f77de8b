package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.TextRange;

/**
 * Errors Nix's parser raises on tokens tree-sitter-nix 0.0.2 reads without complaint: paths with
 * {@code //} or a final {@code /} ({@link NixPaths}), integer and float literals out of range
 * ({@link NixNumbers}), chained comparisons ({@code 1 < 2 < 3}, {@code a == b == c}: Nix's
 * comparison and equality operators are non-associative, tree-sitter-nix's associate to the left),
 * and tokens Nix's lexer, which knows no context, reads longer: a name directly followed by
 * {@code /x} is a path ({@code cfg. a/b}), a keyword directly followed by name characters is a name
 * ({@code then3}), where tree-sitter's lexer reads what the grammar expects there.
 * The tree copy marks the tokens to look at ({@link SyntaxNode#NIX_RULES}), so the walk skips the
 * rest of the tree.
 */
final class NixLexerRules {
    static final String INVALID_PATH = DiagnosticCodes.NIX_INVALID_PATH;
    static final String PATH_TRAILING_SLASH = DiagnosticCodes.NIX_PATH_TRAILING_SLASH;
    static final String INTEGER_OUT_OF_RANGE = DiagnosticCodes.NIX_INTEGER_OUT_OF_RANGE;
    static final String FLOAT_OUT_OF_RANGE = DiagnosticCodes.NIX_FLOAT_OUT_OF_RANGE;
    static final String CHAINED_COMPARISON = DiagnosticCodes.NIX_CHAINED_COMPARISON;
    /** Nix's own word for a token its grammar does not want where it stands. */
    static final String UNEXPECTED_TOKEN = DiagnosticCodes.NIX_UNEXPECTED_TOKEN;

    private static final Set<String> EQUALITY = Set.of("==", "!=");
    private static final Set<String> ORDER = Set.of("<", ">", "<=", ">=");
    /** An integer literal this long may be out of range; shorter ones never are. */
    private static final int LONG_INTEGER = Long.toString(Long.MAX_VALUE).length();
    /** A float literal without exponent this long may be out of range (10^308 has 309 digits). */
    private static final int LONG_FLOAT = 300;

    // What marks() looks at, by node type: most types need nothing.
    private static final int NOTHING = 0;
    private static final int PATH_FRAGMENT = 1;
    private static final int INTEGER = 2;
    private static final int FLOAT = 3;
    private static final int COMPARISON = 4;
    private static final int IDENTIFIER = 5;
    private static final int KEYWORD = 6;

    /** The kind of every grammar symbol, by symbol: the copy looks it up once per node. */
    private static final byte[] KIND_OF_SYMBOL = kindsOfSymbols();

    private NixLexerRules() {
    }

    /**
     * The flags the copy sets on a token of {@code type} spelled {@code text[start, end)}:
     * {@link SyntaxNode#NIX_RULES} when these rules must look at it, and
     * {@link SyntaxNode#HAS_DOUBLE_SLASH_PATH} on a path token with {@code //}; 0 for most tokens.
     */
    static int marks(String type, String text, int start, int end) {
        return marksOfKind(kindOf(type), type, text, start, end);
    }

    /** The same for a node of grammar symbol {@code symbol} (whose name is {@code type}). */
    static int marks(int symbol, String type, String text, int start, int end) {
        int kind = symbol >= 0 && symbol < KIND_OF_SYMBOL.length ? KIND_OF_SYMBOL[symbol] : kindOf(type);
        return kind == NOTHING ? 0 : marksOfKind(kind, type, text, start, end);
    }

    /** Whether nodes of grammar symbol {@code symbol} are {@code identifier}s. */
    static boolean isIdentifier(int symbol) {
        return symbol >= 0 && symbol < KIND_OF_SYMBOL.length && KIND_OF_SYMBOL[symbol] == IDENTIFIER;
    }

    private static int marksOfKind(int kind, String type, String text, int start, int end) {
        return switch (kind) {
            case PATH_FRAGMENT -> {
                boolean doubleSlash = hasDoubleSlash(text, start, end);
                boolean check = doubleSlash || text.startsWith("~", start) || end > start && text.charAt(end - 1) == '/';
                yield (check ? SyntaxNode.NIX_RULES : 0) | (doubleSlash ? SyntaxNode.HAS_DOUBLE_SLASH_PATH : 0);
            }
            case INTEGER -> end - start >= LONG_INTEGER ? SyntaxNode.NIX_RULES : 0;
            case FLOAT -> end - start >= LONG_FLOAT || hasExponent(text, start, end) ? SyntaxNode.NIX_RULES : 0;
            case COMPARISON -> SyntaxNode.NIX_RULES;
            case IDENTIFIER -> readAsPath(text, start, end) ? SyntaxNode.NIX_RULES : 0;
            // the keyword token itself, not a node named like it (the `inherit …;` binding is an `inherit` too)
            case KEYWORD -> end - start == type.length() && end < text.length()
                    && (isNameChar(text.charAt(end)) || readAsPath(text, start, end)) ? SyntaxNode.NIX_RULES : 0;
            default -> 0;
        };
    }

    private static int kindOf(String type) {
        return switch (type) {
            case "path_fragment" -> PATH_FRAGMENT;
            case "integer_expression" -> INTEGER;
            case "float_expression" -> FLOAT;
            case "==", "!=", "<", ">", "<=", ">=" -> COMPARISON;
            case "identifier" -> IDENTIFIER;
            default -> KeywordNames.isKeyword(type) ? KEYWORD : NOTHING;
        };
    }

    private static byte[] kindsOfSymbols() {
        byte[] kinds = new byte[NixLanguage.symbolCount()];
        for (int symbol = 0; symbol < kinds.length; symbol++) {
            kinds[symbol] = (byte) kindOf(NixLanguage.symbolName(symbol));
        }
        return kinds;
    }

    /** A character Nix's names continue with ({@code ID}: letters, digits, {@code _ ' -}). */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '\'' || c == '-';
    }

    /**
     * Whether Nix's lexer, which knows no context, reads the name {@code text[start, end)} and what
     * follows as one path token ({@code a/b}, {@code a/${…}}): where tree-sitter expects a name (after
     * {@code .}, in {@code inherit}, formals or a binding's name) it reads the name and a division.
     */
    private static boolean readAsPath(String text, int start, int end) {
        return end + 1 < text.length() && text.charAt(end) == '/'
                && (NixPaths.isPathChar(text.charAt(end + 1)) || text.startsWith("${", end + 1))
                && !contains(text, start, end, '\'');
    }

    // The searches below stay inside the token: String.lastIndexOf from its end would run on
    // towards the start of the text until it met one, which made the copy of a 10 MB module's
    // paths cost a quarter of its time.

    /** Whether {@code text[start, end)} contains {@code //}. */
    private static boolean hasDoubleSlash(String text, int start, int end) {
        for (int i = start; i + 1 < end; i++) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '/') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text[start, end)} contains {@code c}. */
    private static boolean contains(String text, int start, int end, char c) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExponent(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
        }
        return false;
    }

    /** The violations in {@code tree}. */
    static List<Diagnostic> violations(NixSyntaxTree tree) {
        List<Diagnostic> out = new ArrayList<>();
        String text = tree.text();
        FlaggedWalk.walk(tree.root(), SyntaxNode.NIX_RULES, (n, parent, grandparent) -> {
            switch (n.type()) {
                case "path_expression", "hpath_expression" -> checkPath(n, text, out);
                case "integer_expression" -> {
                    if (!NixNumbers.integerInRange(n.text(text))) {
                        out.add(error(n.range(), INTEGER_OUT_OF_RANGE, "integer literal out of range: Nix's integers are"
                                + " 64-bit, at most " + Long.MAX_VALUE + " (the smallest is written `"
                                + (Long.MIN_VALUE + 1) + " - 1`)"));
                    }
                }
                case "float_expression" -> {
                    if (!NixNumbers.floatInRange(n.text(text))) {
                        out.add(error(n.range(), FLOAT_OUT_OF_RANGE, "float literal out of range: above about 1.8e308, or below 2.2e-308"
                                + " where a 64-bit float cannot hold it exactly, Nix rejects it"));
                    }
                }
                case "==", "!=", "<", ">", "<=", ">=" -> checkChain(n, parent, text, out);
                case "identifier" -> {
                    // where tree-sitter read an error around it, that error is reported already
                    if (parent != null && !parent.hasError() && (grandparent == null || !grandparent.hasError())) {
                        int end = NixPaths.firstTokenEnd(text, n.start(), text.length());
                        out.add(error(new TextRange(n.start(), end), UNEXPECTED_TOKEN, "unexpected path `"
                                + text.substring(n.start(), end) + "`: Nix reads a name directly followed by `/` as a path;"
                                + " put spaces around `/` to divide"));
                    }
                }
                default -> {
                    if (!KeywordNames.isKeyword(n.type()) || !n.children().isEmpty()) {
                        return true;
                    }
                    // tree-sitter read the keyword where the grammar wants it; Nix reads the longest name or path
                    int name = n.end();
                    while (name < text.length() && isNameChar(text.charAt(name))) {
                        name++;
                    }
                    int end = Math.max(name, NixPaths.firstTokenEnd(text, n.start(), text.length()));
                    out.add(error(new TextRange(n.start(), end), UNEXPECTED_TOKEN, "unexpected `"
                            + text.substring(n.start(), end) + "`: Nix reads a keyword directly followed by"
                            + (end > name ? " `/` as a path" : " letters, digits, `_`, `'` or `-` as one name")));
                }
            }
            return n.is("path_expression") || n.is("hpath_expression"); // paths hold interpolations
        });
        return out;
    }

    /**
     * Offsets right after each {@code //} that tree-sitter read as the start of a path where Nix reads
     * the update operator; empty when there are none (the usual case).
     */
    static int[] updateOperatorSplits(NixSyntaxTree tree) {
        List<Integer> out = new ArrayList<>();
        String text = tree.text();
        FlaggedWalk.walk(tree.root(), SyntaxNode.HAS_DOUBLE_SLASH_PATH, (n, parent, grandparent) -> {
            if (n.is("path_expression")) {
                int split = NixPaths.updateOperatorEnd(text, n.start(), n.end());
                if (split >= 0) {
                    out.add(split);
                }
            }
            return true;
        });
        return out.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    private static void checkPath(SyntaxNode path, String text, List<Diagnostic> out) {
        int start = path.start();
        int limit = path.end();
        int end = NixPaths.firstTokenEnd(text, start, limit);
        if (end < 0) {
            boolean home = text.charAt(start) == '~';
            out.add(error(new TextRange(start, Math.min(limit, start + (home ? 3 : 2))), INVALID_PATH, home
                    ? "`~` starts a path only as `~/` followed by a name or an interpolation, as in `~/x`"
                    : "Nix does not read a path here"));
            return;
        }
        boolean afterSlash = text.charAt(end - 1) == '/';
        // the parts after the first token: string parts (their starts) and interpolations (-1)
        List<Integer> parts = new ArrayList<>();
        int at = end;
        while (at < limit) {
            if (text.startsWith("${", at)) {
                SyntaxNode interpolation = childAt(path, at);
                if (interpolation == null) {
                    return; // tree-sitter did not read this interpolation: its syntax error is reported
                }
                parts.add(-1);
                at = interpolation.end();
                afterSlash = false;
                continue;
            }
            int partEnd = NixPaths.partEnd(text, at, limit);
            if (partEnd == at) {
                break;
            }
            parts.add(at);
            afterSlash = text.charAt(partEnd - 1) == '/';
            at = partEnd;
        }
        // Nix's grammar: a string part right after the first token must be followed by an interpolation
        if (!parts.isEmpty() && parts.get(0) >= 0 && (parts.size() == 1 || parts.get(1) >= 0)) {
            int second = parts.get(0);
            out.add(error(new TextRange(second - 1, second + 1), INVALID_PATH,
                    "`//` in a path: Nix ends the path's first part at the first `/`; remove one `/`"));
        } else if (afterSlash) {
            out.add(error(new TextRange(at - 1, at), PATH_TRAILING_SLASH, "a path cannot end with `/`: remove the trailing slash"));
        }
    }

    private static SyntaxNode childAt(SyntaxNode parent, int offset) {
        for (SyntaxNode c : parent.children()) {
            if (c.start() == offset && c.is("interpolation")) {
                return c;
            }
        }
        return null;
    }

    /** {@code a < b < c}: reported at the second operator, whose left or right side is a comparison of the same kind. */
    private static void checkChain(SyntaxNode operator, SyntaxNode binary, String text, List<Diagnostic> out) {
        if (binary == null || !binary.is("binary_expression")) {
            return;
        }
        Set<String> kind = EQUALITY.contains(operator.type()) ? EQUALITY : ORDER;
        for (String side : new String[] {"left", "right"}) {
            SyntaxNode operand = binary.child(side).orElse(null);
            if (operand != null && operand.is("binary_expression")
                    && operand.child("operator").map(o -> kind.contains(o.type())).orElse(false)) {
                String op = operator.text(text);
                out.add(error(operator.range(), CHAINED_COMPARISON, kind == EQUALITY
                        ? "`" + op + "` cannot follow another equality test: Nix's `==` and `!=` do not chain; add parentheses, as in `(a == b) " + op + " c`"
                        : "`" + op + "` cannot follow another comparison: Nix's comparisons do not chain; write `a < b && b < c`"));
                return;
            }
        }
    }

    private static Diagnostic error(TextRange range, String code, String message) {
        return Diagnostic.error(range, NixSyntaxDiagnostics.SOURCE, NixSyntaxDiagnostics.STAGE, code, message);
    }
}
