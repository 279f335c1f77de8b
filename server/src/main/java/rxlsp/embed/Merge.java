package rxlsp.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The module system's choice among the definitions at one level ({@link MergeLevel}): those under a
 * false {@code mkIf} are dropped, then only those with the lowest override number are kept (an
 * option's default, at {@link MergeLevel#OPTION_DEFAULT}, competes like a definition; nothing above
 * {@link MergeLevel#NEVER} is ever kept), sorted stably by order. A condition only Nix can evaluate is
 * taken to hold or to fail, by the {@link Assumption} of the merge: checks compare both.
 */
final class Merge {
    enum Assumption { UNKNOWN_HOLDS, UNKNOWN_FAILS }

    static final Merge OPTIMISTIC = new Merge(Assumption.UNKNOWN_HOLDS);
    static final Merge PESSIMISTIC = new Merge(Assumption.UNKNOWN_FAILS);

    private final Assumption assumption;

    private Merge(Assumption assumption) {
        this.assumption = assumption;
    }

    /** True when the definition's conditions hold, under this merge's assumption. */
    boolean present(MergeLevel l) {
        return l.condition() == Condition.TRUE || l.condition() == Condition.UNKNOWN && assumption == Assumption.UNKNOWN_HOLDS;
    }

    /** The override priority the kept definitions have. */
    int best(List<MergeLevel> levels, int ceiling) {
        int best = Math.min(ceiling, MergeLevel.NEVER);
        for (MergeLevel l : levels) {
            if (present(l)) {
                best = Math.min(best, l.override());
            }
        }
        return best;
    }

    boolean kept(MergeLevel l, int best) {
        return present(l) && l.override() == best;
    }

    /**
     * The items whose definitions are kept, sorted stably by order.
     *
     * @param competitors every definition at the level, also those without items
     * @param ceiling     {@link MergeLevel#OPTION_DEFAULT} for an option with a default, else {@link MergeLevel#NEVER}
     */
    <T> List<T> survivors(List<T> items, Function<T, MergeLevel> level, List<MergeLevel> competitors, int ceiling) {
        List<MergeLevel> all = new ArrayList<>(competitors);
        items.forEach(i -> all.add(level.apply(i)));
        int best = best(all, ceiling);
        List<T> out = new ArrayList<>();
        for (T i : items) {
            if (kept(level.apply(i), best)) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingInt(i -> level.apply(i).order())); // List.sort is stable
        return out;
    }
}
