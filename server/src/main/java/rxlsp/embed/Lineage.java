package rxlsp.embed;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.TextRange;

/**
 * The definitions a value belongs to, as the scanner descends from a module's top towards it: the
 * levels already fixed (the option's definition, then an element's) and the one still open, whose
 * wrappers are being read. A wrapper above an option is pushed down onto it by the module system;
 * {@code mkIf} conditions add up, and of nested overrides or orders the outermost counts (the module
 * system strips one and then sees a value it cannot use).
 *
 * @param closed    the levels fixed so far, outermost first
 * @param id        the open level's definition (a fresh one for each {@code mkMerge} element and wrapper)
 * @param override  the open level's override priority, null while unwrapped
 * @param order     the open level's order priority, null while unwrapped
 * @param condition the open level's condition
 */
record Lineage(List<MergeLevel> closed, int id, Integer override, Integer order, Condition condition,
               Undischarged undischarged) {
    Lineage {
        closed = List.copyOf(closed);
    }

    static Lineage start(int id) {
        return new Lineage(List.of(), id, null, null, Condition.TRUE, null);
    }

    /**
     * The module system unwraps, outside in, any {@code mkIf} and {@code mkMerge}, then one override
     * priority, then one order priority; a wrapper after those is left in the value.
     */
    private Undischarged after(boolean allowedAfterOverride, TextRange at) {
        if (undischarged != null) {
            return undischarged;
        }
        boolean broken = order != null || override != null && !allowedAfterOverride;
        return broken ? new Undischarged(at, Undischarged.Reason.INSIDE_PRIORITY) : null;
    }

    /** Under {@code mkIf c}, written at {@code at}. */
    Lineage when(Condition c, int newId, TextRange at) {
        Undischarged stays = after(false, at);
        // an mkIf left in the value is never evaluated as a condition
        return new Lineage(closed, newId, override, order, stays == null ? condition.and(c) : condition, stays);
    }

    Lineage withOverride(int priority, int newId, TextRange at) {
        return new Lineage(closed, newId, override == null ? priority : override, order, condition, after(false, at));
    }

    Lineage withOrder(int priority, int newId, TextRange at) {
        return new Lineage(closed, newId, override, order == null ? priority : order, condition, after(true, at));
    }

    /**
     * An order priority written at {@code at} above options (rx.mcl = mkBefore { … }): the module system
     * never pushes it down, so the value below keeps it whatever else wraps it.
     */
    Lineage withOrderAboveOptions(TextRange at) {
        return new Lineage(closed, id, override, order, condition,
                undischarged != null ? undischarged : new Undischarged(at, Undischarged.Reason.ORDER_ABOVE_OPTIONS));
    }

    /** An element of {@code mkMerge} (written at {@code at}): a definition of its own. */
    Lineage split(int newId, TextRange at) {
        return new Lineage(closed, newId, override, order, condition, after(false, at));
    }

    /** A condition that is not a wrapper ({@code lib.optional c x}): the open level is only maybe there. */
    Lineage onlyIf(Condition c) {
        return new Lineage(closed, id, override, order, condition.and(c), undischarged);
    }

    /** The open level's definition is fixed; the next level opens within it, unwrapped. */
    Lineage close() {
        List<MergeLevel> levels = new ArrayList<>(closed);
        levels.add(open());
        return new Lineage(levels, id, null, null, Condition.TRUE, null);
    }

    /** Closes levels until {@code count} are fixed. */
    Lineage closeTo(int count) {
        Lineage l = this;
        while (l.closed.size() < count) {
            l = l.close();
        }
        return l;
    }

    MergeLevel open() {
        return new MergeLevel(id, override == null ? MergeLevel.DEFAULT_OVERRIDE : override,
                order == null ? MergeLevel.DEFAULT_ORDER : order, condition, undischarged);
    }
}
