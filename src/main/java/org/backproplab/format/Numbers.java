package org.backproplab.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as shown on screen: rounded from the exact binary value (half to even, as C's printf and
 * Python do), never truncated. {@link String#format} rounds from the shortest decimal instead, which
 * is off by one in the last digit for values such as 1.0005 (really 1.000499999…).
 *
 * <p>Each form comes twice: returning a new string, and appending to a {@link StringBuilder}. The
 * panels redraw some fifty numbers thirty times a second and append them into one reused builder,
 * so a frame makes almost no garbage; the strings are the same code with a builder of their own.
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code decimals} places: 0.1235 for (0.12345678, 4). */
    public static String fixed(double x, int decimals) {
        return fixed(new StringBuilder(24), x, decimals).toString();
    }

    /** Like {@link #fixed} with a sign always shown: +0.4170, -1.0000, +0.0000. */
    public static String signedFixed(double x, int decimals) {
        return signedFixed(new StringBuilder(24), x, decimals).toString();
    }

    /** Scientific with {@code digits} significant digits: -1.2346e-05 for (-1.234567e-5, 5). */
    public static String sci(double x, int digits) {
        return sci(new StringBuilder(24), x, digits).toString();
    }

    /** Like {@link #sci} with a sign always shown. */
    public static String signedSci(double x, int digits) {
        return signedSci(new StringBuilder(24), x, digits).toString();
    }

    /**
     * {@code digits} significant digits, plainly written when the value is between 1e-4 and
     * 10^digits (0.477385, 12.3457), scientific otherwise.
     */
    public static String sig(double x, int digits) {
        return sig(new StringBuilder(24), x, digits).toString();
    }

    /** A count with thousands separators: 12,345. */
    public static String count(long n) {
        return count(new StringBuilder(26), n).toString();
    }

    /** A rate rounded to a whole number, with separators: 1,234,568 for 1234567.6. */
    public static String rate(double perSecond) {
        return count(Math.round(perSecond));
    }

    /** Appends {@link #fixed(double, int)}. */
    public static StringBuilder fixed(StringBuilder out, double x, int decimals) {
        return fixed(out, x, decimals, false);
    }

    /** Appends {@link #signedFixed(double, int)}. */
    public static StringBuilder signedFixed(StringBuilder out, double x, int decimals) {
        return fixed(out, x, decimals, true);
    }

    /** Appends {@link #sci(double, int)}. */
    public static StringBuilder sci(StringBuilder out, double x, int digits) {
        return sci(out, x, digits, false);
    }

    /** Appends {@link #signedSci(double, int)}. */
    public static StringBuilder signedSci(StringBuilder out, double x, int digits) {
        return sci(out, x, digits, true);
    }

    /** Appends {@link #sig(double, int)}. */
    public static StringBuilder sig(StringBuilder out, double x, int digits) {
        if (!Double.isFinite(x)) return out.append(nonFinite(x));
        if (x == 0) return fixed(out, 0, digits - 1);
        // The exponent after rounding to `digits` places (9.99999995 is 1.00000e+01), then the same
        // rounding written plainly if the exponent is in range.
        int start = out.length();
        sci(out, x, digits);
        int exp = Integer.parseInt(out, out.lastIndexOf("e") + 1, out.length(), 10);
        if (exp < -4 || exp >= digits) return out;
        out.setLength(start);
        return fixed(out, x, digits - 1 - exp);
    }

    /** Appends {@link #count(long)}. */
    public static StringBuilder count(StringBuilder out, long n) {
        if (n == Long.MIN_VALUE) return out.append(String.format(Locale.ROOT, "%,d", n));
        if (n < 0) out.append('-');
        long m = Math.abs(n);
        int len = digitCount(m);
        for (int i = len - 1; i >= 0; i--) {
            out.append((char) ('0' + m / LONG_POW10[i] % 10));
            if (i > 0 && i % 3 == 0) out.append(',');
        }
        return out;
    }

    /** Appends {@link #rate(double)}. */
    public static StringBuilder rate(StringBuilder out, double perSecond) {
        return count(out, Math.round(perSecond));
    }

    /**
     * A setting as the user typed it: the shortest decimal that is this double, plainly written for
     * 1e-6 ≤ |x| < 1e7 (0.0001, 2, 0.03) and as 1e+300 or 2.5e-09 outside.
     */
    public static String setting(double x) {
        return setting(new StringBuilder(12), x).toString();
    }

    /** Appends {@link #setting(double)}. */
    public static StringBuilder setting(StringBuilder b, double x) {
        if (!Double.isFinite(x)) return b.append(nonFinite(x));
        // What BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() gives, by hand: the status
        // line shows two settings every frame. Double.toString is "2.0", "0.03" or "1.0E-4".
        String d = Double.toString(Math.abs(x));
        int e = d.indexOf('E');
        int end = e < 0 ? d.length() : e;
        int dot = d.indexOf('.');
        char[] digits = new char[end - 1];
        d.getChars(0, dot, digits, 0);
        d.getChars(dot + 1, end, digits, dot);
        int point = dot + (e < 0 ? 0 : Integer.parseInt(d, e + 1, d.length(), 10)); // digits before the point
        int from = 0;
        int to = digits.length;
        while (from < to && digits[from] == '0') {
            from++;
            point--;
        }
        while (to > from && digits[to - 1] == '0') to--;
        if (from == to) return b.append('0');
        int n = to - from;
        if (x < 0) b.append('-');
        int exp = point - 1;
        if (exp < -6 || exp > 6) {
            b.append(digits[from]);
            if (n > 1) b.append('.').append(digits, from + 1, n - 1);
            exponent(b, exp);
            return b;
        }
        if (point <= 0) {
            b.append("0.");
            for (int i = point; i < 0; i++) b.append('0');
            b.append(digits, from, n);
        } else if (point >= n) {
            b.append(digits, from, n);
            for (int i = n; i < point; i++) b.append('0');
        } else {
            b.append(digits, from, point).append('.').append(digits, from + point, n - point);
        }
        return b;
    }

    /** The sign, then |x| rounded; a negative x too small to show stays negative: -0.0000. */
    private static StringBuilder fixed(StringBuilder out, double x, int decimals, boolean plus) {
        if (!Double.isFinite(x)) return out.append(nonFinite(x));
        sign(out, x, plus);
        double ax = Math.abs(x);
        if (!fastFixed(out, ax, decimals)) {
            out.append(new BigDecimal(ax).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
        }
        return out;
    }

    private static StringBuilder sci(StringBuilder out, double x, int digits, boolean plus) {
        if (!Double.isFinite(x)) return out.append(nonFinite(x));
        sign(out, x, plus);
        double ax = Math.abs(x);
        if (!fastSci(out, ax, digits)) {
            BigDecimal r = new BigDecimal(ax).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            int exp = r.signum() == 0 ? 0 : r.precision() - r.scale() - 1;
            out.append(r.movePointLeft(exp).setScale(digits - 1, RoundingMode.HALF_EVEN).toPlainString());
            exponent(out, exp);
        }
        return out;
    }

    /** '-' for a negative x (not for -0.0, which shows as 0), '+' for the rest when asked. */
    private static void sign(StringBuilder out, double x, boolean plus) {
        if (x < 0) {
            out.append('-');
        } else if (plus) {
            out.append('+');
        }
    }

    /** e-05, e+00, e+123. */
    private static void exponent(StringBuilder out, int exp) {
        out.append(exp < 0 ? "e-" : "e+");
        int ae = Math.abs(exp);
        if (ae < 10) out.append('0');
        out.append(ae);
    }

    // ---- fast paths: plain double arithmetic, used only when it cannot round the other way ----
    // Scaling by a power of ten (exact up to 1e22) costs one rounding, half an ulp of the scaled
    // value; a scaled value within a few of its ulps (and at least NEAR_TIE) of a rounding boundary
    // (…5 exactly in decimal, or nearly) goes to the exact BigDecimal path instead, and so does a
    // shift beyond the exact powers of ten. So each digit shown is rounded once, from the exact
    // binary value. The frame is redrawn 30 times a second: BigDecimal for every number was most
    // of its garbage.

    private static final double NEAR_TIE = 1e-6;
    private static final double[] POW10 = new double[23];
    private static final long[] LONG_POW10 = new long[19];

    static {
        for (int i = 0; i < POW10.length; i++) POW10[i] = Double.parseDouble("1e" + i);
        LONG_POW10[0] = 1;
        for (int i = 1; i < LONG_POW10.length; i++) LONG_POW10[i] = LONG_POW10[i - 1] * 10;
    }

    /** Whether the scaled value's fraction is too close to ½ for its rounding error to be sure of the side. */
    private static boolean nearTie(double frac, double scaled) {
        return Math.abs(frac - 0.5) <= Math.max(NEAR_TIE, 4 * Math.ulp(scaled));
    }

    /** Decimal digits of m ≥ 0 (1 for 0). */
    private static int digitCount(long m) {
        int n = 1;
        while (n < LONG_POW10.length && m >= LONG_POW10[n]) n++;
        return n;
    }

    /** m / 10^places, a point, then the rest zero-padded to {@code places} digits (m ≥ 0, places ≥ 1). */
    private static void appendWithPoint(StringBuilder out, long m, int places) {
        long p = LONG_POW10[places];
        out.append(m / p).append('.');
        long rest = m % p;
        for (int i = digitCount(rest); i < places; i++) out.append('0');
        out.append(rest);
    }

    /** Appends |x| = ax with {@code decimals} places; false (nothing appended) when it cannot be sure. */
    private static boolean fastFixed(StringBuilder out, double ax, int decimals) {
        if (decimals < 0 || decimals >= LONG_POW10.length) return false;
        double scaled = ax * POW10[decimals];
        if (!(scaled < 1e15)) return false;
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (nearTie(frac, scaled)) return false;
        long m = (long) floor + (frac > 0.5 ? 1 : 0);
        if (decimals == 0) {
            out.append(m);
        } else {
            appendWithPoint(out, m, decimals);
        }
        return true;
    }

    /** Appends ax in scientific form; false (nothing appended) when it cannot be sure. */
    private static boolean fastSci(StringBuilder out, double ax, int digits) {
        if (digits < 1 || digits > 15) return false;
        if (ax == 0) {
            out.append('0');
            if (digits > 1) {
                out.append('.');
                for (int i = 1; i < digits; i++) out.append('0');
            }
            out.append("e+00");
            return true;
        }
        if (ax < 1e-280 || ax > 1e280) return false;
        int exp = (int) Math.floor(Math.log10(ax));
        int shift = digits - 1 - exp; // scaled = ax · 10^shift has `digits` digits before the point
        if (Math.abs(shift) >= POW10.length) return false; // no exact power of ten to scale by
        double scaled = shift >= 0 ? ax * POW10[shift] : ax / POW10[-shift];
        double top = POW10[digits];
        if (scaled >= top * (1 - 1e-12) || scaled < POW10[digits - 1] * (1 + 1e-12)) return false; // log10 edge
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (nearTie(frac, scaled)) return false;
        long m = (long) floor + (frac > 0.5 ? 1 : 0);
        if (m >= (long) top) {
            m /= 10;
            exp++;
        }
        if (digits == 1) {
            out.append(m);
        } else {
            appendWithPoint(out, m, digits - 1);
        }
        exponent(out, exp);
        return true;
    }

    /** NaN, inf, -inf, as C's printf and Python write them (NaN in Java's spelling). */
    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "NaN" : (x > 0 ? "inf" : "-inf");
    }

    /** {@link #fixed} with thousands separators: 1,325.0 for (1325.04, 1). */
    public static String grouped(double x, int decimals) {
        String s = fixed(x, decimals);
        if (!Double.isFinite(x)) return s;
        int sign = s.startsWith("-") ? 1 : 0;
        int point = s.indexOf('.') >= 0 ? s.indexOf('.') : s.length();
        StringBuilder sb = new StringBuilder(s);
        for (int i = point - 3; i > sign; i -= 3) sb.insert(i, ',');
        return sb.toString();
    }

    /** Characters a {@link #parameter} takes at most: a column of parameters is this wide. */
    public static final int PARAMETER_WIDTH = 14;

    /**
     * A parameter in a table: six decimals while that is readable (|x| < 1e6), else seven
     * significant digits; never more than {@link #PARAMETER_WIDTH} characters.
     */
    public static String parameter(double x) {
        return fit(new StringBuilder(PARAMETER_WIDTH), x, 6, PARAMETER_WIDTH).toString();
    }

    /**
     * x in at most {@code width} characters (at least 7), its sign included: {@code decimals}
     * places while they fit beside a sign (room for one is kept whatever x's sign, so that a
     * column's values switch form at the same size), else scientific with {@code width - 7}
     * significant digits (at least one), which fit beside a sign and a three-digit exponent:
     * (1684.1313, 4, 9) is 1.68e+03, (-1.7e297, 4, 9) is -1.7e+297.
     */
    public static StringBuilder fit(StringBuilder out, double x, int decimals, int width) {
        return fit(out, x, decimals, width, false);
    }

    /** Like {@link #fit} with a sign always shown: +0.4170, -1.7e+297. */
    public static StringBuilder signedFit(StringBuilder out, double x, int decimals, int width) {
        return fit(out, x, decimals, width, true);
    }

    private static StringBuilder fit(StringBuilder out, double x, int decimals, int width, boolean plus) {
        int start = out.length();
        if (!Double.isFinite(x) || Math.abs(x) < 1e15) { // beyond, the plain form is far too wide anyway
            fixed(out, x, decimals, plus);
            boolean signed = out.length() > start && (out.charAt(start) == '-' || out.charAt(start) == '+');
            if (out.length() - start - (signed ? 1 : 0) < width) return out;
            out.setLength(start);
        }
        return sci(out, x, Math.max(1, width - 7), plus);
    }

    /**
     * A double exactly: the digits of Double.toString, which read back as the same double, in the
     * form of {@link #setting} (plain for 1e-6 <= |x| < 1e7, else 2.460443523984862e-05 or
     * -1.6845483136558372e+297). For a value a learner should see to the last bit, such as θ and
     * θ + ε in an explanation.
     */
    public static String exact(double x) {
        return setting(x);
    }

    /** Seconds with a precision that suits them: 0.042, 3.21, 12.3. */
    public static String seconds(double s) {
        return s < 1 ? fixed(s, 3) : s < 10 ? fixed(s, 2) : fixed(s, 1);
    }

    /** A count and its noun, singular for one: "1 epoch", "1,000 epochs". */
    public static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
