package rxlsp.nix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the string literal nodes of a parsed Nix text, in source order. */
final class StringLiterals {
    private StringLiterals() {
    }

    static List<SyntaxNode> in(SyntaxNode root) {
        List<SyntaxNode> out = new ArrayList<>();
        ArrayDeque<SyntaxNode> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            SyntaxNode n = work.pop();
            if (n.is("string_expression") || n.is("indented_string_expression")) {
                out.add(n);
            }
            for (int i = n.children().size() - 1; i >= 0; i--) {
                work.push(n.children().get(i));
            }
        }
        return out;
    }

    /** The first string literal of {@code source}, decoded. */
    static DecodedString decodeFirst(String source) {
        try (NixParser parser = NixParser.forSingleParses()) {
            SyntaxNode root = parser.parse(source).root();
            return NixStringDecoder.decode(in(root).getFirst(), source);
        }
    }

    static boolean hasInterpolation(SyntaxNode string) {
        return string.children().stream().anyMatch(c -> c.is("interpolation"));
    }
}
