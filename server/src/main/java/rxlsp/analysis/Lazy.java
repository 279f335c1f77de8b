package rxlsp.analysis;

import java.util.function.Supplier;

/**
 * A value of an analysis result that is computed the first time it is asked for (most versions of a
 * document are never asked), then kept. Thread-safe; the value must not depend on when it is made.
 */
public final class Lazy<T> {
    private final Supplier<T> compute;
    private volatile T value;

    public Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
