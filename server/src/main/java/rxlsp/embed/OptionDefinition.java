package rxlsp.embed;

import java.util.List;
import rxlsp.text.TextRange;

/**
 * One definition of an rx.nix option, or of one {@code rx.res} instance, as the module system merges
 * it, also when it defines nothing ({@code rx.mcl.raw = mkForce [ ];} still takes part in the merge,
 * and {@code rx.res.fille.x = { };} still names an option that does not exist).
 *
 * @param option   {@code rx.mcl.raw}, {@code rx.mcl.vars}, {@code rx.mcl.imports}, {@code rx.res.<kind>},
 *                 or {@code rx.mcl.<other>} for a name rx.nix does not declare
 * @param instance the {@code rx.res} instance for a definition of one, else null
 * @param levels   its merge levels, from the option down to this definition
 * @param name     where the option's (or the instance's) last name is written
 * @param opaque   true when its value needs evaluation (its content is unknown)
 */
public record OptionDefinition(int unit, String option, String instance, List<MergeLevel> levels, TextRange name,
                               boolean opaque) {
    public OptionDefinition {
        levels = List.copyOf(levels);
    }

    /** The definition at its own level (the last of its levels). */
    public MergeLevel level() {
        return levels.get(levels.size() - 1);
    }
}
