package rxlsp.mcl.catalog;

/**
 * How many arguments a function accepts when mgmt builds its signature per call instead of stating
 * one (mgmt's {@code FuncInfer} and {@code Build} check the count): {@code min} to {@code max}, with
 * {@link #UNBOUNDED} for no upper limit.
 */
public record Arity(int min, int max) {
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public Arity {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("bad arity " + min + ".." + max);
        }
    }

    public boolean accepts(int count) {
        return count >= min && count <= max;
    }

    /** {@code 2 args}, {@code 1 or 2 args}, {@code 1 to 3 args}, {@code at least 1 arg}. */
    public String describe() {
        if (max == UNBOUNDED) {
            return "at least " + min + (min == 1 ? " arg" : " args");
        }
        String noun = max == 1 ? " arg" : " args";
        return min == max ? min + noun : min + (max == min + 1 ? " or " : " to ") + max + noun;
    }
}
