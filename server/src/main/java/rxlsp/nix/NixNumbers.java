package rxlsp.nix;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Whether Nix's lexer takes a number literal: an integer must fit a signed 64-bit integer (it is
 * read before any minus sign), and a float is rejected when C's {@code strtod} reports it out of
 * range: when it overflows, or when it is tiny (below the smallest normal double, judged after
 * rounding to 53 bits as glibc does) and inexact. Checked against Nix 2.8 and 2.26 at the edges.
 */
final class NixNumbers {
    private static final String LONGEST_INTEGER = Long.toString(Long.MAX_VALUE);
    /**
     * glibc counts a result as tiny when rounding it to 53 bits, with an unbounded exponent, gives a
     * value below 2^-1022: that is, when it lies below the midpoint 2^-1022 - 2^-1076.
     */
    private static final BigDecimal TINY_BELOW = new BigDecimal(BigInteger.ONE).divide(new BigDecimal(BigInteger.TWO.pow(1022)))
            .subtract(new BigDecimal(BigInteger.ONE).divide(new BigDecimal(BigInteger.TWO.pow(1076))));
    /** Beyond these decimal exponents a non-zero literal is certainly out of range (no BigDecimal needed). */
    private static final int CERTAINLY_OVERFLOWS = 310;
    private static final int CERTAINLY_UNDERFLOWS = -330;

    private NixNumbers() {
    }

    /** Whether the digits of an integer literal fit Nix's 64-bit integers. */
    static boolean integerInRange(String digits) {
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        int length = digits.length() - first;
        return length < LONGEST_INTEGER.length()
                || length == LONGEST_INTEGER.length() && digits.substring(first).compareTo(LONGEST_INTEGER) <= 0;
    }

    /** Whether a float literal (Nix's {@code FLOAT} token) is in the range Nix accepts. */
    static boolean floatInRange(String literal) {
        int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        String mantissaText = e < 0 ? literal : literal.substring(0, e);
        BigDecimal mantissa = new BigDecimal(mantissaText.endsWith(".") ? mantissaText + "0" : mantissaText);
        if (mantissa.signum() == 0) {
            return true;
        }
        BigInteger exponent = e < 0 ? BigInteger.ZERO : new BigInteger(literal.substring(e + 1).replace("+", ""));
        // the decimal exponent of the leading digit
        BigInteger magnitude = exponent.add(BigInteger.valueOf(mantissa.precision() - mantissa.scale() - 1L));
        if (magnitude.compareTo(BigInteger.valueOf(CERTAINLY_OVERFLOWS)) > 0
                || magnitude.compareTo(BigInteger.valueOf(CERTAINLY_UNDERFLOWS)) < 0) {
            return false;
        }
        BigDecimal exact = mantissa.scaleByPowerOfTen(exponent.intValueExact());
        double rounded = exact.doubleValue();
        if (Double.isInfinite(rounded)) {
            return false;
        }
        boolean tiny = exact.compareTo(TINY_BELOW) < 0;
        return !tiny || new BigDecimal(rounded).compareTo(exact) == 0;
    }
}
