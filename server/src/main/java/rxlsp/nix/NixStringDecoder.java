package rxlsp.nix;

import java.util.List;

/**
 * Decodes a Nix string literal into the value Nix gives it, with the map from value to file offsets
 * ({@link DecodedString}). The parse tree supplies only the string's bounds and where interpolations
 * end; the content is re-read with Nix's own lexing rules, because tree-sitter-nix's fragments differ
 * from Nix's tokens ({@code ''\$}, indentation) and the tree does not strip indentation.
 */
public final class NixStringDecoder {
    private NixStringDecoder() {
    }

    /** Decodes a {@code string_expression} or {@code indented_string_expression} node of {@code text}. */
    public static DecodedString decode(SyntaxNode string, String text) {
        boolean indented = string.is("indented_string_expression");
        if (!indented && !string.is("string_expression")) {
            throw new IllegalArgumentException("not a string literal: " + string.type());
        }
        List<SyntaxNode> kids = string.children();
        String quote = indented ? "''" : "\"";
        int contentStart = kids.isEmpty() ? string.start() : kids.getFirst().end();
        SyntaxNode last = kids.isEmpty() ? null : kids.getLast();
        boolean closer = kids.size() >= 2 && last.is(quote);
        int contentEnd = closer ? last.start() : string.end();
        return decode(text, indented, contentStart, contentEnd, false, closer && !last.isMissing(), HoleEnds.ofChildren(string));
    }

    /**
     * Decodes the string whose opening quote ({@code "} or {@code ''}) is at {@code openerOffset},
     * finding its end by Nix's rules: for broken text with no string node (an unterminated string is
     * an ERROR in the tree), where the value runs to the end of the text.
     */
    public static DecodedString decodeAt(String text, int openerOffset) {
        boolean indented = text.startsWith("''", openerOffset);
        int contentStart = openerOffset + (indented ? 2 : 1);
        return decode(text, indented, contentStart, text.length(), true, false, HoleEnds.of(List.of()));
    }

    /**
     * The shared core. With {@code findClose}, the content ends at the first closing quote at or after
     * {@code contentStart} (or at {@code limit}); otherwise exactly at {@code limit}.
     */
    static DecodedString decode(String text, boolean indented, int contentStart, int limit, boolean findClose,
            boolean terminated, HoleEnds holes) {
        SegmentTableBuilder out = new SegmentTableBuilder(text);
        if (indented) {
            IndentedStrings.Layout layout = IndentedStrings.decode(text, contentStart, limit, findClose, holes, out);
            return out.build(true, layout.minIndent(), contentStart, layout.end(), terminated || layout.end() < limit);
        }
        int end = QuotedStrings.decode(text, contentStart, limit, findClose, holes, out);
        return out.build(false, 0, contentStart, end, terminated || end < limit);
    }
}
