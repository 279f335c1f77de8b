package rxlsp.mcl.ast;

import rxlsp.text.TextRange;

/**
 * A variable introduced by a function, lambda, class or loop: {@code $name} with an optional type.
 *
 * @param name the name without {@code $}
 * @param type {@code null} when not annotated
 */
public record Param(TextRange range, String name, MclType type) implements Node {
}
