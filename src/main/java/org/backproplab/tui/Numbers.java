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
        String fast = fastFixed(x, decimals);
        if (fast != null) return fast;
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
        String fast = fastSci(x, digits);
        if (fast != null) return fast;
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
        if (n == Long.MIN_VALUE) return String.format(Locale.ROOT, "%,d", n);
        // by hand: the status line shows counts every frame, and a Formatter costs a kilobyte or two
        String digits = Long.toString(Math.abs(n));
        int len = digits.length();
        StringBuilder b = new StringBuilder(len + len / 3 + 1);
        if (n < 0) b.append('-');
        for (int i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0) b.append(',');
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** A rate rounded to a whole number, with separators: 1,234,568 for 1234567.6. */
    public static String rate(double perSecond) {
        return count(Math.round(perSecond));
    }

    // ---- fast paths: plain double arithmetic, used only when it cannot round the other way ----
    // Scaling by a power of ten costs a few ulps; a scaled value within NEAR_TIE of a rounding
    // boundary (…5 exactly in decimal, or nearly) goes to the exact BigDecimal path instead.
    // The frame is redrawn 30 times a second: BigDecimal for every number was most of its garbage.

    private static final double NEAR_TIE = 1e-6;
    private static final double[] POW10 = new double[23];

    static {
        for (int i = 0; i < POW10.length; i++) POW10[i] = Double.parseDouble("1e" + i);
    }

    /** {@code null} when the fast path cannot be sure. */
    private static String fastFixed(double x, int decimals) {
        if (decimals < 0 || decimals >= POW10.length) return null;
        double scaled = Math.abs(x) * POW10[decimals];
        if (!(scaled < 1e15)) return null;
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < NEAR_TIE) return null;
        long m = (long) floor + (frac > 0.5 ? 1 : 0);
        StringBuilder b = new StringBuilder(24);
        if (x < 0) b.append('-');
        String digits = Long.toString(m);
        if (decimals == 0) return b.append(digits).toString();
        if (digits.length() <= decimals) {
            b.append("0.");
            for (int i = digits.length(); i < decimals; i++) b.append('0');
            return b.append(digits).toString();
        }
        int point = digits.length() - decimals;
        return b.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
    }

    /** {@code null} when the fast path cannot be sure. */
    private static String fastSci(double x, int digits) {
        double ax = Math.abs(x);
        if (digits < 1 || digits > 15) return null;
        if (ax == 0) {
            StringBuilder b = new StringBuilder("0");
            if (digits > 1) b.append('.').append("0".repeat(digits - 1));
            return b.append("e+00").toString();
        }
        if (ax < 1e-280 || ax > 1e280) return null;
        int exp = (int) Math.floor(Math.log10(ax));
        int shift = digits - 1 - exp; // scaled = ax · 10^shift has `digits` digits before the point
        double scaled = shift >= 0 ? (shift < POW10.length ? ax * POW10[shift] : ax * Math.pow(10, shift))
                : (-shift < POW10.length ? ax / POW10[-shift] : ax / Math.pow(10, -shift));
        double top = POW10[digits];
        if (scaled >= top * (1 - 1e-12) || scaled < POW10[digits - 1] * (1 + 1e-12)) return null; // log10 edge
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < NEAR_TIE) return null;
        long m = (long) floor + (frac > 0.5 ? 1 : 0);
        if (m >= (long) top) {
            m /= 10;
            exp++;
        }
        String d = Long.toString(m);
        StringBuilder b = new StringBuilder(16);
        if (x < 0) b.append('-');
        b.append(d.charAt(0));
        if (digits > 1) b.append('.').append(d, 1, d.length());
        b.append(exp < 0 ? "e-" : "e+");
        int ae = Math.abs(exp);
        if (ae < 10) b.append('0');
        return b.append(ae).toString();
    }

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "NaN" : (x > 0 ? "+inf" : "-inf");
    }
}
