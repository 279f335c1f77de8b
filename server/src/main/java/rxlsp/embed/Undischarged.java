package rxlsp.embed;

import rxlsp.text.TextRange;

/**
 * A module-system wrapper the module system never unwraps, so that the value an option receives still
 * has it (a wrong type) or its attributes are read as option names (an option that does not exist).
 *
 * @param at     the wrapper's call
 * @param reason which of the module system's rules leaves it in place
 */
public record Undischarged(TextRange at, Reason reason) {
    public enum Reason {
        /**
         * An {@code mkIf}, {@code mkMerge} or second priority inside an override or order priority: the
         * outer one is stripped and the inner one taken for the value.
         */
        INSIDE_PRIORITY,
        /**
         * An order priority ({@code mkBefore}, {@code mkAfter}, {@code mkOrder}) above options: the module
         * system pushes conditions, merges and overrides down onto the options of an attribute set, never
         * an order, and reads the wrapper's own attributes ({@code _type}, …) as options.
         */
        ORDER_ABOVE_OPTIONS
    }
}
