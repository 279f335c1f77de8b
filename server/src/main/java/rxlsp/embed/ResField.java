package rxlsp.embed;

import java.util.List;
import rxlsp.text.TextRange;

/**
 * One {@code rx.res.<kind>.<name>.<field> = value} definition.
 *
 * @param kindRange  where the kind name is written (the last occurrence on this definition's path)
 * @param written    the value expression as written at the definition ({@link NixValue#node()} is where
 *                   the value itself is, e.g. the {@code let} binding a variable names)
 * @param unit       the module of the file it is written in (see {@link InlineModule})
 * @param levels     its merge levels: the kind's definition, the instance's, the field's
 */
public record ResField(String kind, TextRange kindRange, String name, TextRange nameRange, String field,
                       TextRange fieldRange, NixValue value, TextRange written, int unit, List<MergeLevel> levels) {
    public ResField {
        levels = List.copyOf(levels);
    }
}
