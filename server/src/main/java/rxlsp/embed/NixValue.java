package rxlsp.embed;

import java.util.List;
import java.util.Map;
import rxlsp.nix.SyntaxNode;

/** A Nix value known without evaluation, as far as {@code rx.res} fields need one. */
public sealed interface NixValue {
    /** The expression the value was read from. */
    SyntaxNode node();

    /** A string literal; its text is decoded by whoever needs it. */
    record Str(SyntaxNode node) implements NixValue {
    }

    record Int(SyntaxNode node, long value) implements NixValue {
    }

    record Float(SyntaxNode node, double value) implements NixValue {
    }

    record Bool(SyntaxNode node, boolean value) implements NixValue {
    }

    record Null(SyntaxNode node) implements NixValue {
    }

    /** A path literal ({@code ./x}, {@code ~/x}, {@code <nixpkgs>}): a value of its own type in Nix, not a string. */
    record PathV(SyntaxNode node) implements NixValue {
    }

    record ListV(SyntaxNode node, List<NixValue> elements) implements NixValue {
        public ListV {
            elements = List.copyOf(elements);
        }
    }

    /** An attribute set with static names, in source order (the renderer sorts). */
    record Attrs(SyntaxNode node, Map<String, NixValue> entries) implements NixValue {
    }

    /** Anything that needs evaluation: a variable, a call, an arithmetic expression, … */
    record Opaque(SyntaxNode node) implements NixValue {
    }
}
