package rxlsp.embed;

import java.nio.file.Path;
import java.util.Optional;
import rxlsp.nix.SyntaxNode;

/** Resolves Nix path literals such as {@code ./web.nix} or {@code ../lib/x.mcl} against the file that holds them. */
final class PathLiterals {
    private PathLiterals() {
    }

    /**
     * The absolute path a relative or absolute path literal names; empty for interpolated paths,
     * search paths ({@code <nixpkgs>}), home paths and anything that is not a path literal.
     */
    static Optional<Path> resolve(SyntaxNode expr, String text, Path nixFile) {
        SyntaxNode e = expr;
        while (e.is("parenthesized_expression") && e.child("expression").isPresent()) {
            e = e.child("expression").get();
        }
        if (!e.is("path_expression") || e.hasError()
                || e.namedChildren().stream().anyMatch(c -> !c.is("path_fragment"))) {
            return Optional.empty();
        }
        String literal = e.text(text);
        if (literal.startsWith("/")) {
            return Optional.of(Path.of(literal).normalize());
        }
        if (nixFile == null || nixFile.getParent() == null) {
            return Optional.empty();
        }
        return Optional.of(nixFile.getParent().resolve(literal).normalize());
    }
}
