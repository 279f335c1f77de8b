package rxlsp.nix;

import java.util.List;
import rxlsp.text.TextRange;

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
        return AttrKey.of(NixStringDecoder.decode(string, text).value());
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

    /** A {@code ''…''} string without interpolation: constant when Nix's lexer yields at most one token. */
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
        DecodedString decoded = NixStringDecoder.decode(string, text);
        TextRange content = decoded.contentRange();
        if (!IndentedStrings.isOneConstantToken(text, content.start(), content.end())) {
            return AttrKey.DYNAMIC; // several tokens: Nix concatenates them at evaluation time
        }
        return AttrKey.of(decoded.value());
    }
}
