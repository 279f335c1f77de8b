package rxlsp.nix;

import java.util.List;

/**
 * The value of a string literal when Nix's parser treats it as a constant, which decides whether an
 * attribute name written as a string is static (and so takes part in duplicate checks, and is allowed
 * in {@code let} and {@code inherit}) or dynamic.
 *
 * <p>Nix 2.8 makes a string constant exactly when its parser produces a single {@code ExprString}:
 * <ul>
 * <li>{@code "…"} without interpolation is one lexer token, so always constant, with escapes decoded
 *     and raw CR / CR LF turned into LF;</li>
 * <li>{@code ''…''} is constant only when the lexer yields at most one token: plain text alone, or a
 *     single escape alone; text followed by an escape ({@code ''a''\nb''}) becomes a concatenation
 *     and is dynamic, even though its value could be known;</li>
 * <li>{@code ''${e}''} with nothing else in the string is {@code e} itself, so it is constant when
 *     {@code e} is ({@code ''${"a"}''} is the static name {@code a});</li>
 * <li>parentheses are transparent, and a URI literal is a constant string.</li>
 * </ul>
 * All of these were confirmed with {@code nix-instantiate --parse} on Nix 2.8.
 */
final class StaticStrings {
    private StaticStrings() {
    }

    /** The constant value of the expression {@code expr}, or DYNAMIC / INCOMPLETE. */
    static AttrKey valueOf(SyntaxNode expr, String text) {
        SyntaxNode e = expr;
        // iterative: each wrapper is transparent to Nix, and they may nest deeply
        while (true) {
            if (e == null || e.isMissing() || e.hasError()) {
                return AttrKey.INCOMPLETE;
            }
            if (e.is("parenthesized_expression")) {
                e = e.child("expression").orElse(null);
            } else if (e.is("indented_string_expression") && soleInterpolation(e) != null) {
                e = soleInterpolation(e).child("expression").orElse(null);
            } else {
                break;
            }
        }
        return switch (e.type()) {
            case "string_expression" -> plain(e, text);
            case "indented_string_expression" -> indented(e, text);
            case "uri_expression" -> AttrKey.of(e.text(text));
            default -> AttrKey.DYNAMIC;
        };
    }

    /** A {@code "…"} string: constant unless it interpolates. */
    static AttrKey plain(SyntaxNode string, String text) {
        if (string.hasError()) {
            return AttrKey.INCOMPLETE;
        }
        for (SyntaxNode c : string.children()) {
            if (c.is("interpolation")) {
                return AttrKey.DYNAMIC;
            }
        }
        return AttrKey.of(unescape(text, string.start() + 1, string.end() - 1));
    }

    /** Nix's {@code unescapeStr}: backslash escapes, and raw CR or CR LF read as LF. */
    private static String unescape(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i++);
            if (c == '\\' && i < to) {
                char e = text.charAt(i++);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else if (c == '\r') {
                out.append('\n');
                if (i < to && text.charAt(i) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The one interpolation of an indented string holding nothing else, or null. */
    private static SyntaxNode soleInterpolation(SyntaxNode string) {
        List<SyntaxNode> kids = string.children();
        // children: '' interpolation ''
        if (kids.size() == 3 && kids.get(1).is("interpolation")) {
            return kids.get(1);
        }
        return null;
    }

    /** A {@code ''…''} string without interpolation: re-lexed the way Nix's lexer does it. */
    private static AttrKey indented(SyntaxNode string, String text) {
        List<SyntaxNode> kids = string.children();
        if (kids.size() < 2 || string.hasError()) {
            return AttrKey.INCOMPLETE;
        }
        for (SyntaxNode c : kids) {
            if (c.is("interpolation")) {
                return AttrKey.DYNAMIC;
            }
        }
        int from = kids.get(0).end();
        int to = kids.get(kids.size() - 1).start();
        // the opening token is ''(\ *\n)?: spaces and a newline right after it are not content
        int afterSpaces = from;
        while (afterSpaces < to && text.charAt(afterSpaces) == ' ') {
            afterSpaces++;
        }
        if (afterSpaces < to && text.charAt(afterSpaces) == '\n') {
            from = afterSpaces + 1;
        }
        IndentedToken only = null;
        int i = from;
        while (i < to) {
            IndentedToken token = IndentedToken.at(text, i, to);
            if (token == null) {
                return AttrKey.DYNAMIC; // an interpolation tree-sitter did not see: leave it to Nix
            }
            if (only != null) {
                return AttrKey.DYNAMIC; // two tokens: Nix concatenates them at evaluation time
            }
            only = token;
            i = token.end();
        }
        return AttrKey.of(only == null ? "" : stripIndentation(only));
    }

    /** Nix's {@code stripIndentation} for a string of exactly one token. */
    private static String stripIndentation(IndentedToken token) {
        String s = token.value();
        int minIndent = Integer.MAX_VALUE;
        if (!token.indentation()) {
            minIndent = 0; // an escape ends the first line's indentation at once
        } else {
            boolean atStartOfLine = true;
            int indent = 0;
            for (int j = 0; j < s.length(); j++) {
                char c = s.charAt(j);
                if (atStartOfLine) {
                    if (c == ' ') {
                        indent++;
                    } else if (c == '\n') {
                        indent = 0;
                    } else {
                        atStartOfLine = false;
                        minIndent = Math.min(minIndent, indent);
                    }
                } else if (c == '\n') {
                    atStartOfLine = true;
                    indent = 0;
                }
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean atStartOfLine = true;
        int dropped = 0;
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (atStartOfLine) {
                if (c == ' ') {
                    if (dropped++ >= minIndent) {
                        out.append(c);
                    }
                } else if (c == '\n') {
                    dropped = 0;
                    out.append(c);
                } else {
                    atStartOfLine = false;
                    dropped = 0;
                    out.append(c);
                }
            } else {
                out.append(c);
                if (c == '\n') {
                    atStartOfLine = true;
                }
            }
        }
        // the last token loses a final line made only of spaces
        int lastNewline = out.lastIndexOf("\n");
        if (lastNewline >= 0) {
            boolean onlySpaces = true;
            for (int j = lastNewline + 1; j < out.length(); j++) {
                if (out.charAt(j) != ' ') {
                    onlySpaces = false;
                    break;
                }
            }
            if (onlySpaces) {
                out.setLength(lastNewline + 1);
            }
        }
        return out.toString();
    }

    /**
     * One token of Nix's lexer inside {@code ''…''}.
     *
     * @param value       the text it stands for
     * @param indentation true for plain text, whose leading spaces count as indentation
     * @param end         where it ends in the source
     */
    private record IndentedToken(String value, boolean indentation, int end) {
        /** The token at {@code i}; null at an interpolation. Peeking past {@code to} sees the closing quote. */
        static IndentedToken at(String text, int i, int to) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\'' && next == '\'') {
                char third = i + 2 < to ? text.charAt(i + 2) : 0;
                if (third == '$') {
                    return new IndentedToken("$", false, i + 3);
                }
                if (third == '\'') {
                    return new IndentedToken("''", false, i + 3);
                }
                if (third == '\\' && i + 3 < to) {
                    char e = text.charAt(i + 3);
                    String v = switch (e) {
                        case 'n' -> "\n";
                        case 'r' -> "\r";
                        case 't' -> "\t";
                        default -> String.valueOf(e);
                    };
                    return new IndentedToken(v, false, i + 4);
                }
                return new IndentedToken("''", false, Math.min(i + 2, to)); // not expected inside content
            }
            if (c == '$' && next == '{') {
                return null;
            }
            if (c == '$' && next == '\'') {
                return new IndentedToken("$", false, i + 1);
            }
            if (c == '\'' && next == '$') {
                return new IndentedToken("'", false, i + 1);
            }
            // plain text: ([^$']|\$[^{']|'[^'$])+, longest match
            int j = i;
            while (j < to) {
                char d = text.charAt(j);
                if (d != '$' && d != '\'') {
                    j++;
                    continue;
                }
                char after = j + 1 < text.length() ? text.charAt(j + 1) : 0;
                boolean pair = d == '$' ? after != '{' && after != '\'' : after != '\'' && after != '$';
                if (!pair) {
                    break;
                }
                j += 2; // never crosses `to`: the closing quote cannot be the second half of a pair
            }
            if (j == i) {
                return new IndentedToken(String.valueOf(c), false, i + 1);
            }
            return new IndentedToken(text.substring(i, Math.min(j, to)), true, Math.min(j, to));
        }
    }
}
