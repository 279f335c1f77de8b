package rxlsp.embed;

/**
 * The two numbers the NixOS module system attaches to a definition: the override priority
 * ({@code mkForce} 50, plain 100, {@code mkDefault} 1000; only the definitions with the lowest number
 * survive) and the order of list definitions ({@code mkBefore} 500, plain 1000, {@code mkAfter} 1500;
 * the surviving lists are concatenated sorted by it, stably).
 */
public record Priority(int override, int order) {
    public static final Priority PLAIN = new Priority(100, 1000);

    Priority withOverride(int value) {
        return new Priority(value, order);
    }

    Priority withOrder(int value) {
        return new Priority(override, value);
    }
}
