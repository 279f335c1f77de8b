package rxlsp.mcl.format;

import java.math.BigDecimal;

/**
 * Numbers as mgmt prints them: it keeps the value, not the spelling, so {@code 007} prints as
 * {@code 7} and {@code 1.50} as {@code 1.5}. Integers in base 10; floats in the shortest decimal
 * that reads back as the same double, without an exponent (MCL's lexer has none) and with at
 * least one digit after the point.
 */
final class NumberText {
    private NumberText() {
    }

    static String integer(String literal) {
        try {
            return Long.toString(Long.parseLong(literal));
        } catch (NumberFormatException e) {
            throw new Unformattable("integer out of range: " + literal);
        }
    }

    static String decimal(String literal) {
        double value;
        try {
            value = Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw new Unformattable("not a float: " + literal);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new Unformattable("float out of range: " + literal);
        }
        if (value == 0) {
            // BigDecimal has no negative zero; mgmt keeps the sign
            return (1 / value < 0 ? "-" : "") + "0.0";
        }
        // Double.toString is the shortest decimal that reads back as the same double (JDK 19+)
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
