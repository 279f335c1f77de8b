package rxlsp.embed;

import rxlsp.text.TextRange;

/**
 * One {@code rx.res.<kind>.<name>.<field> = value} definition.
 *
 * @param kindRange  where the kind name is written (the last occurrence on this definition's path)
 */
public record ResField(String kind, TextRange kindRange, String name, TextRange nameRange, String field,
                       TextRange fieldRange, NixValue value, Priority priority) {
}
