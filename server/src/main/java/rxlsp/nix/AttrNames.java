package rxlsp.nix;

import java.util.Optional;

/** Public access to the parse-time name of an attribute, for layers above that read attrpaths. */
public final class AttrNames {
    private AttrNames() {
    }

    /** The name {@code attr} (a child of an {@code attrpath}) has when Nix fixes it while parsing. */
    public static Optional<String> staticName(SyntaxNode attr, String text) {
        AttrKey key = AttrKeys.of(attr, text);
        return key.isStatic() ? Optional.of(key.name()) : Optional.empty();
    }

    /** How Nix prints an attribute name: bare when it reads as an identifier, else quoted. */
    public static String display(String name) {
        return AttrKeys.display(name);
    }
}
