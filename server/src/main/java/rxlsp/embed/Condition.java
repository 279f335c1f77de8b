package rxlsp.embed;

/**
 * What is known statically about the {@code mkIf} conditions a definition is under: the module system
 * drops a definition whose condition is false before anything else looks at it.
 */
public enum Condition {
    TRUE, FALSE, UNKNOWN;

    /** Both conditions (nested {@code mkIf}s, or one pushed down onto the definitions below it). */
    public Condition and(Condition other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    public Condition not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
