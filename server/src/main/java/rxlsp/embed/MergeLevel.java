package rxlsp.embed;

/**
 * One definition at one level of the module system's merge. An option's definitions are first
 * discharged ({@code mkIf} false dropped, {@code mkMerge} split), then only those with the lowest
 * override number survive ({@code mkForce} 50, plain 100, {@code mkDefault} 1000,
 * {@code mkOptionDefault} and option defaults 1500), and list definitions are concatenated sorted
 * by their order ({@code mkBefore} 500, plain 1000, {@code mkAfter} 1500), stably. The same happens
 * again one level down for the elements of {@code attrsOf} options (a var, an {@code rx.res}
 * instance) and for the options of a submodule (an instance's fields).
 *
 * @param id        which definition this is, within its module: two values with the same id at a level
 *                  belong to one definition there (the module system merged their attribute sets
 *                  before it saw them)
 * @param override  the override priority
 * @param order     the order priority
 * @param condition what is known of its {@code mkIf} conditions
 * @param undischarged a wrapper the module system never unwraps, else null
 */
public record MergeLevel(int id, int override, int order, Condition condition, Undischarged undischarged) {
    public static final int DEFAULT_OVERRIDE = 100;
    public static final int DEFAULT_ORDER = 1000;
    /** The priority of an option's default value, which takes part in the merge as a definition. */
    public static final int OPTION_DEFAULT = 1500;
    /** The module system starts its search for the lowest number here: anything above is never chosen. */
    public static final int NEVER = 9999;

    /** A definition no wrapper touched. */
    public static MergeLevel plain(int id) {
        return new MergeLevel(id, DEFAULT_OVERRIDE, DEFAULT_ORDER, Condition.TRUE, null);
    }
}
