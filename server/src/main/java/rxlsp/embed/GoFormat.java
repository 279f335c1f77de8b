package rxlsp.embed;

import java.math.BigDecimal;

/**
 * The two Go formatting functions rx.nix's renderer relies on, reproduced exactly: {@code strconv.Quote}
 * for strings and {@code %v} for the float64 every JSON number becomes.
 */
final class GoFormat {
    private GoFormat() {
    }

    /** {@code strconv.Quote}: printable characters kept, the rest escaped the way Go does. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            String e = escape(cp);
            if (e == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(e);
            }
        });
        return out.append('"').toString();
    }

    /** True when {@code strconv.Quote} writes some character of {@code s} as a numeric escape (x, u or U after a backslash). */
    static boolean hasNumericEscape(String s) {
        return s.codePoints().mapToObj(GoFormat::escape).anyMatch(e -> e != null && e.length() > 2);
    }

    /** How {@code strconv.Quote} writes one character: null when it is kept as it is. */
    private static String escape(int cp) {
        return switch (cp) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x0B -> "\\v";
            default -> {
                if (isPrint(cp)) {
                    yield null;
                } else if (cp < 0x80) {
                    yield String.format("\\x%02x", cp);
                } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                    yield "\\ufffd"; // a lone surrogate is not valid text; Go writes the replacement character
                } else if (cp < 0x10000) {
                    yield String.format("\\u%04x", cp);
                } else {
                    yield String.format("\\U%08x", cp);
                }
            }
        };
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * Go's {@code %v} of a float64: {@code %g} with the shortest digits that read back as the same
     * number, in exponent form ({@code 2.097152e+06}, {@code 1e-05}) when the decimal exponent is below
     * -4 or at least 6 (Go decides with precision 6 when printing the shortest form).
     */
    static String floatV(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        // Java's Double.toString yields the shortest round-tripping digits (JDK 19+), as Go does
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            return sign + mantissa(digits) + exponentSuffix(exponent);
        }
        return sign + exact.toPlainString();
    }

    private static String mantissa(String digits) {
        return digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    }

    private static String exponentSuffix(int exponent) {
        String abs = Integer.toString(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + (abs.length() < 2 ? "0" + abs : abs);
    }
}
