package rxlsp.nix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import rxlsp.text.TextRange;

/**
 * Name resolution of one Nix file, as Nix's parser binds variables: every variable use (and every
 * {@code inherit x;}) with the place of the binding it refers to — a {@code let} or {@code rec}
 * attribute, a function argument or formal. Uses under {@code with} and of built-ins have no place.
 * Computed on demand, for navigation; immutable.
 */
public final class NixNames {
    /** One use and the name it resolves to (null when that has no place in the file). */
    public record Use(TextRange range, TextRange definition) {
    }

    /** No names at all (a document that is not Nix). */
    public static final NixNames EMPTY = new NixNames(List.of(), List.of());

    private final List<Use> uses; // sorted by start
    private final List<TextRange> definitions; // sorted

    private NixNames(List<Use> uses, List<TextRange> definitions) {
        this.uses = uses;
        this.definitions = definitions;
    }

    /** Resolves the names of a tree; a tree with syntax errors is resolved as far as its shape allows. */
    public static NixNames of(NixSyntaxTree tree) {
        Builder b = new Builder();
        StaticFindings ignored = new StaticFindings(tree);
        AttrSetModels models = new AttrSetModels(tree.text(), ignored, tree.depthLimited());
        new ScopeWalker(tree.text(), models, ignored, b).walk(tree.root());
        b.uses.sort((x, y) -> x.range().compareTo(y.range()));
        b.definitions.sort(null);
        return new NixNames(Collections.unmodifiableList(b.uses), Collections.unmodifiableList(b.definitions));
    }

    /** Every resolved use, in source order. */
    public List<Use> uses() {
        return uses;
    }

    /**
     * The definition the name at {@code offset} refers to: a use's binding, or the binding itself
     * when the offset is on a definition.
     */
    public Optional<TextRange> definitionAt(int offset) {
        for (Use u : uses) {
            if (u.range().start() <= offset && offset <= u.range().end() && u.definition() != null) {
                return Optional.of(u.definition());
            }
        }
        for (TextRange d : definitions) {
            if (d.start() <= offset && offset <= d.end()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The uses of the binding defined at {@code definition}, in source order. */
    public List<TextRange> usesOf(TextRange definition) {
        List<TextRange> out = new ArrayList<>();
        for (Use u : uses) {
            if (definition.equals(u.definition())) {
                out.add(u.range());
            }
        }
        return out;
    }

    /** Collects uses during the scope walk. */
    static final class Builder {
        private final List<Use> uses = new ArrayList<>();
        private final List<TextRange> definitions = new ArrayList<>();

        void define(TextRange range) {
            if (range != null) {
                definitions.add(range);
            }
        }

        void use(TextRange range, TextRange definition) {
            uses.add(new Use(range, definition));
        }
    }
}
