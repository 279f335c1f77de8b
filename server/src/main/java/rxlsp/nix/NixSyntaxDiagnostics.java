package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.LineColumn;
import rxlsp.text.PositionEncoding;
import rxlsp.text.TextRange;

/**
 * Turns tree-sitter's ERROR and MISSING nodes into diagnostics a person understands: one per
 * outermost ERROR or MISSING node, with a message naming the construct and a tight range.
 *
 * <p>It also hides the one known false error of the tree-sitter-nix 0.0.2 grammar: a trailing comma
 * after the last formal argument ({@code { pkgs, }:}), which Nix accepts.
 */
public final class NixSyntaxDiagnostics {
    public static final String SOURCE = "nix";
    public static final String STAGE = "syntax";
    private static final java.util.regex.Pattern ATTRPATH =
            java.util.regex.Pattern.compile("[A-Za-z_][\\w'-]*(\\s*\\.\\s*([A-Za-z_][\\w'-]*|\"[^\"\\n]*\"))*");

    private NixSyntaxDiagnostics() {
    }

    public static List<Diagnostic> of(NixSyntaxTree tree) {
        List<Diagnostic> out = new ArrayList<>();
        SyntaxNode root = tree.root();
        String text = tree.text();
        if (root.namedChildren().isEmpty() && !root.hasError()) {
            out.add(Diagnostic.error(TextRange.at(0), SOURCE, STAGE, DiagnosticCodes.NIX_EMPTY_FILE,
                    "empty Nix file: a Nix file must contain one expression"));
        }
        if (tree.depthLimited()) {
            out.add(Diagnostic.error(TextRange.at(0), SOURCE, STAGE, DiagnosticCodes.NIX_TOO_DEEP,
                    "nesting deeper than " + NixParser.MAX_DEPTH + " levels: rx-lsp does not analyse beyond that depth"));
        }
        if (root.hasError()) {
            new Finder(tree, text, out).visit(root);
        }
        out.addAll(KeywordNames.misused(tree));
        if ((root.flags() & SyntaxNode.NIX_RULES) != 0) {
            out.addAll(NixLexerRules.violations(tree));
        }
        return out;
    }

    private static final class Finder {
        private final NixSyntaxTree tree;
        private final String text;
        private final List<Diagnostic> out;
        /** Where an unterminated string begins: Nix reads everything after it as string text. */
        private int swallowedFrom = Integer.MAX_VALUE;

        Finder(NixSyntaxTree tree, String text, List<Diagnostic> out) {
            this.tree = tree;
            this.text = text;
            this.out = out;
        }

        /** Walks only subtrees that contain errors; iterative, since broken input may nest deeply. */
        void visit(SyntaxNode root) {
            java.util.ArrayDeque<SyntaxNode[]> work = new java.util.ArrayDeque<>();
            work.push(new SyntaxNode[] {root, null, null});
            while (!work.isEmpty()) {
                SyntaxNode[] item = work.pop();
                SyntaxNode node = item[0];
                SyntaxNode parent = item[1];
                SyntaxNode grandparent = item[2];
                if (node.start() >= swallowedFrom) {
                    return; // inside an unterminated string, as Nix sees it: the rest is not code
                }
                if (node.isError()) {
                    reportError(node, parent);
                    continue;
                }
                if (node.isMissing()) {
                    reportMissing(node, parent, grandparent);
                    continue;
                }
                List<SyntaxNode> kids = node.children();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    if (kids.get(i).hasError()) {
                        work.push(new SyntaxNode[] {kids.get(i), node, parent});
                    }
                }
            }
        }

        private void reportMissing(SyntaxNode missing, SyntaxNode parent, SyntaxNode grandparent) {
            String token = missing.type();
            if (GrammarGaps.isTrailingFormalName(missing, parent, grandparent)
                    || GrammarGaps.isEmptyInheritName(missing, parent, grandparent)) {
                return;
            }
            int at = previousTokenEnd(missing.start());
            switch (token) {
                case "}", "]", ")" -> {
                    String open = token.equals("}") ? "{" : token.equals("]") ? "[" : "(";
                    Optional<SyntaxNode> opener = parent == null ? Optional.empty() : firstToken(parent, open);
                    if (opener.isEmpty() && parent != null) {
                        opener = firstToken(parent, "${");
                    }
                    if (opener.isPresent()) {
                        unclosed(opener.get(), token, at);
                    } else {
                        add(TextRange.at(at), DiagnosticCodes.NIX_MISSING_TOKEN, "expected `" + token + "`");
                    }
                }
                case ";" -> add(TextRange.at(at), DiagnosticCodes.NIX_MISSING_TOKEN, "expected `;` after the " + construct(parent));
                case "\"", "''" -> {
                    int open = parent == null ? missing.start() : parent.start();
                    unterminated(new TextRange(open, open + token.length()), token);
                }
                case "identifier" -> add(TextRange.at(at), DiagnosticCodes.NIX_MISSING_TOKEN,
                        parent != null && parent.is("variable_expression") ? "expected an expression" : "expected a name");
                default -> add(TextRange.at(at), DiagnosticCodes.NIX_MISSING_TOKEN, "expected `" + token + "`");
            }
        }

        private void reportError(SyntaxNode error, SyntaxNode parent) {
            if (parent != null && parent.is("formals") && GrammarGaps.isTrailingFormalComma(error, parent)) {
                return;
            }
            List<SyntaxNode> tokens = leaves(error);
            if (tokens.isEmpty()) {
                add(error.range(), DiagnosticCodes.NIX_SYNTAX_ERROR, "syntax error");
                return;
            }
            // an opening quote without its closing quote
            SyntaxNode first = tokens.get(0);
            if ((first.is("\"") || first.is("''")) && count(tokens, first.type()) == 1) {
                unterminated(first.range(), first.type());
                return;
            }
            Optional<SyntaxNode> unclosed = unclosedOpener(tokens);
            if (unclosed.isPresent() && error.end() >= trimmedEnd()) {
                SyntaxNode o = unclosed.get();
                unclosed(o, closerOf(text(o)), text.length());
                return;
            }
            Optional<SyntaxNode> let = tokenOfType(tokens, "let").filter(t -> tokenOfType(tokens, "in").isEmpty());
            Optional<SyntaxNode> ifToken = tokenOfType(tokens, "if").filter(t -> tokenOfType(tokens, "else").isEmpty());
            if (let.isPresent() && (ifToken.isEmpty() || let.get().start() < ifToken.get().start())) {
                add(let.get().range(), DiagnosticCodes.NIX_MISSING_TOKEN, "`let` has no `in`: expected `in` followed by the body after the bindings");
                return;
            }
            if (ifToken.isPresent()) {
                String missing = tokenOfType(tokens, "then").isPresent() ? "else" : "then";
                add(ifToken.get().range(), DiagnosticCodes.NIX_MISSING_TOKEN, "`if` has no `" + missing + "`: Nix needs `if … then … else …`");
                return;
            }
            SyntaxNode bad = first;
            if (bad.is("=")) {
                Optional<Diagnostic> missingSemicolon = semicolonBeforeLineStartingBinding(error.start());
                if (missingSemicolon.isPresent()) {
                    out.add(missingSemicolon.get());
                    return;
                }
            }
            if (bad.is("=") && parent != null) {
                Optional<String> name = lastIdentifierBefore(parent, error.start());
                if (name.isPresent()) {
                    add(TextRange.at(previousTokenEnd(startOfLastIdentifier(parent, error.start()))), DiagnosticCodes.NIX_MISSING_TOKEN,
                            "expected `;` before `" + name.get() + "`");
                    return;
                }
            }
            add(bad.range(), DiagnosticCodes.NIX_UNEXPECTED_TOKEN, "unexpected " + describe(bad));
        }

        /**
         * An opener without its closer, reported at the opener (where the user can see what is open);
         * where the closer is missing goes along as related information: at the end of the file,
         * that is where Nix reports "unexpected end of file".
         */
        private void unclosed(SyntaxNode opener, String closer, int missingAt) {
            boolean atEnd = missingAt >= trimmedEnd();
            TextRange where = TextRange.at(atEnd ? text.length() : missingAt);
            out.add(Diagnostic.error(opener.range(), SOURCE, STAGE, DiagnosticCodes.NIX_UNCLOSED_DELIMITER, "unclosed `" + text(opener)
                    + "` opened at " + where(opener.start()) + ": expected `" + closer + "`")
                    .withRelated(where, atEnd ? "the file ends here without the closing `" + closer + "`"
                            : "`" + closer + "` expected here"));
        }

        private void unterminated(TextRange quote, String kind) {
            add(quote, DiagnosticCodes.NIX_UNTERMINATED_STRING, "unterminated string: the `" + kind + "` opened at "
                    + where(quote.start()) + " is never closed");
            swallowedFrom = Math.min(swallowedFrom, quote.end());
        }

        private String describe(SyntaxNode token) {
            String t = text(token);
            if (t.isEmpty()) {
                return "end of file";
            }
            if (t.length() > 30) {
                t = t.substring(0, 30) + "…";
            }
            StringBuilder shown = new StringBuilder("`");
            t.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    shown.append("\\n");
                } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                    shown.append(String.format("\\u%04x", cp)); // never put raw control characters in a message
                } else {
                    shown.appendCodePoint(cp);
                }
            });
            return shown.append('`').toString();
        }

        /**
         * {@code x = 1 <newline> y.z = 2;}: an unexpected {@code =} after an attribute path that
         * starts its line means the previous line lost its {@code ;}. Returns that diagnostic,
         * placed after the previous line's last token.
         */
        private Optional<Diagnostic> semicolonBeforeLineStartingBinding(int equalsAt) {
            int lineStart = text.lastIndexOf('\n', Math.max(0, equalsAt - 1)) + 1;
            String before = text.substring(lineStart, equalsAt).strip();
            if (lineStart == 0 || !ATTRPATH.matcher(before).matches()) {
                return Optional.empty();
            }
            int previousEnd = previousTokenEnd(lineStart);
            if (previousEnd == 0 || ";{([".indexOf(text.charAt(previousEnd - 1)) >= 0) {
                return Optional.empty();
            }
            return Optional.of(Diagnostic.error(TextRange.at(previousEnd), SOURCE, STAGE, DiagnosticCodes.NIX_MISSING_TOKEN,
                    "expected `;` before `" + before + "`"));
        }

        private int trimmedEnd() {
            int e = text.length();
            while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            return e;
        }

        /** End of the last non-space, non-comment text before {@code offset}. */
        private int previousTokenEnd(int offset) {
            int i = Math.min(offset, text.length());
            while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            return i;
        }

        private Optional<SyntaxNode> unclosedOpener(List<SyntaxNode> tokens) {
            java.util.ArrayDeque<SyntaxNode> open = new java.util.ArrayDeque<>();
            for (SyntaxNode t : tokens) {
                switch (t.type()) {
                    case "{", "[", "(", "${" -> open.push(t);
                    case "}", "]", ")" -> {
                        if (!open.isEmpty()) {
                            open.pop();
                        }
                    }
                    default -> {
                    }
                }
            }
            return open.isEmpty() ? Optional.empty() : Optional.of(open.getLast());
        }

        private static String closerOf(String opener) {
            return switch (opener) {
                case "[" -> "]";
                case "(" -> ")";
                default -> "}";
            };
        }

        private Optional<String> lastIdentifierBefore(SyntaxNode parent, int offset) {
            SyntaxNode id = lastIdentifierNode(parent, offset);
            return id == null ? Optional.empty() : Optional.of(text(id));
        }

        private int startOfLastIdentifier(SyntaxNode parent, int offset) {
            SyntaxNode id = lastIdentifierNode(parent, offset);
            return id == null ? offset : id.start();
        }

        /** The identifier ending right before {@code offset} (the start of a binding that lost its {@code ;}). */
        private SyntaxNode lastIdentifierNode(SyntaxNode parent, int offset) {
            SyntaxNode found = null;
            java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
            work.push(parent);
            while (!work.isEmpty()) {
                SyntaxNode n = work.pop();
                if (n.end() > offset) {
                    if (n.start() < offset) {
                        n.children().forEach(work::push);
                    }
                    continue;
                }
                if (n.is("identifier") && (found == null || n.end() > found.end())) {
                    found = n;
                } else {
                    n.children().forEach(work::push);
                }
            }
            return found != null && previousTokenEnd(offset) == found.end() ? found : null;
        }

        private Optional<SyntaxNode> firstToken(SyntaxNode parent, String type) {
            for (SyntaxNode c : parent.children()) {
                if (c.is(type) && !c.isMissing()) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        private static Optional<SyntaxNode> tokenOfType(List<SyntaxNode> tokens, String type) {
            return tokens.stream().filter(t -> t.is(type)).findFirst();
        }

        private static int count(List<SyntaxNode> tokens, String type) {
            return (int) tokens.stream().filter(t -> t.is(type)).count();
        }

        /** The leaf tokens of a subtree, in order, without comments. */
        private static List<SyntaxNode> leaves(SyntaxNode node) {
            List<SyntaxNode> out = new ArrayList<>();
            java.util.ArrayDeque<SyntaxNode> work = new java.util.ArrayDeque<>();
            work.push(node);
            while (!work.isEmpty()) {
                SyntaxNode n = work.pop();
                if (n.children().isEmpty()) {
                    if (!n.isExtra() && n.end() > n.start()) {
                        out.add(n);
                    }
                    continue;
                }
                List<SyntaxNode> kids = n.children();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    work.push(kids.get(i));
                }
            }
            return out;
        }

        private String construct(SyntaxNode parent) {
            if (parent == null) {
                return "expression";
            }
            return switch (parent.type()) {
                case "binding" -> "binding";
                case "inherit", "inherit_from" -> "`inherit`";
                default -> parent.type().replace('_', ' ');
            };
        }

        private String text(SyntaxNode n) {
            return n.text(text);
        }

        private String where(int offset) {
            LineColumn lc = tree.lines().position(offset, PositionEncoding.UTF16);
            return (lc.line() + 1) + ":" + (lc.column() + 1);
        }

        private void add(TextRange range, String code, String message) {
            out.add(Diagnostic.error(range, SOURCE, STAGE, code, message));
        }
    }
}
