package org.backproplab.tui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as shown on screen: rounded from the exact binary value (half to even, as C's printf and
 * Python do), never truncated. {@link String#format} rounds from the shortest decimal instead, which
 * is off by one in the last digit for values such as 1.0005 (really 1.000499999…).
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code decimals} places: 0.1235 for (0.12345678, 4). */
    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) return nonFinite(x);
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return x < 0 && !s.startsWith("-") ? "-" + s : s; // -0.0000: negative, but smaller than shown
    }

    /** Like {@link #fixed} with a sign always shown: +0.4170, -1.0000, +0.0000. */
    public static String signedFixed(double x, int decimals) {
        String s = fixed(x, decimals);
        return s.startsWith("-") || !Double.isFinite(x) ? s : "+" + s;
    }

    /** Scientific with {@code digits} significant digits: -1.2346e-05 for (-1.234567e-5, 5). */
    public static String sci(double x, int digits) {
        if (!Double.isFinite(x)) return nonFinite(x);
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exp = r.signum() == 0 ? 0 : r.precision() - r.scale() - 1;
        BigDecimal mantissa = r.movePointLeft(exp).setScale(digits - 1, RoundingMode.HALF_EVEN);
        return mantissa.toPlainString() + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }

    /** Like {@link #sci} with a sign always shown. */
    public static String signedSci(double x, int digits) {
        String s = sci(x, digits);
        return s.startsWith("-") || !Double.isFinite(x) ? s : "+" + s;
    }

    /**
     * {@code digits} significant digits, plainly written when the value is between 1e-4 and
     * 10^digits (0.477385, 12.3457), scientific otherwise.
     */
    public static String sig(double x, int digits) {
        if (!Double.isFinite(x)) return nonFinite(x);
        if (x == 0) return fixed(0, digits - 1);
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= digits) return sci(x, digits);
        return r.setScale(Math.max(0, digits - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A setting as the user typed it: 0.0001, 2, 0.03 (the shortest decimal that is this double). */
    public static String setting(double x) {
        if (!Double.isFinite(x)) return nonFinite(x);
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** A count with thousands separators: 12,345. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A rate rounded to a whole number, with separators: 1,234,568 for 1234567.6. */
    public static String rate(double perSecond) {
        return count(Math.round(perSecond));
    }

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "NaN" : (x > 0 ? "+inf" : "-inf");
    }
}
