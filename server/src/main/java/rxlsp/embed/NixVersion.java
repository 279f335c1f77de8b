package rxlsp.embed;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The Nix that evaluates the configuration, as far as the program depends on it: {@code pkgs/module.nix}
 * hands rx.nix's renderer {@code builtins.toJSON} of the host's options, and Nix 2.8 writes a float
 * there with six significant digits ({@code 1.23456789} → {@code 1.23457}, {@code 1234567.0} →
 * {@code 1.23457e+06}) where current Nix writes the shortest text that reads back as the same number.
 * Integers are exact in both.
 */
public enum NixVersion {
    NIX_2_8("2.8"),
    CURRENT("current");

    /** The values {@link #forSetting} accepts, in words for messages. */
    public static final String EXPECTED = "2.8 or current";

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private final String setting;

    NixVersion(String setting) {
        this.setting = setting;
    }

    /** The name used by {@code --nix-version} and the {@code nixVersion} setting. */
    public String setting() {
        return setting;
    }

    /** {@code 2.8} (also {@code 2.8.x}, anything before 2.9) or {@code current}. */
    public static Optional<NixVersion> forSetting(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.equals("current")) {
            return Optional.of(CURRENT);
        }
        if (v.equals("2.8") || v.startsWith("2.8.")) {
            return Optional.of(NIX_2_8);
        }
        return Optional.empty();
    }

    /**
     * The float the renderer reads back from this Nix's JSON for {@code d}: the same number for current
     * Nix; for Nix 2.8 the number its six-digit text ({@code printf}'s {@code %g}) stands for.
     */
    public double throughJson(double d) {
        if (this == CURRENT || d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        // %g rounds the exact binary value; the decimal it prints is then parsed back by Go as the nearest double
        return new BigDecimal(d).round(SIX_DIGITS).doubleValue();
    }
}
