package org.backproplab.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers for people: every digit shown is correct, because the exact binary value is rounded
 * (half to even) to the digits shown, never truncated and never rounded twice.
 */
final class Fmt {
    private Fmt() {
    }

    /** {@code x} with exactly {@code decimals} digits after the point: fixed(0.0123456, 4) = "0.0123". */
    static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return negativeZero(s) ? s.substring(1) : s;
    }

    /** Like {@link #fixed}, with thousands separators: grouped(1325.04, 1) = "1,325.0". */
    static String grouped(double x, int decimals) {
        String s = fixed(x, decimals);
        if (!Double.isFinite(x)) {
            return s;
        }
        int sign = s.startsWith("-") ? 1 : 0;
        int point = s.indexOf('.') >= 0 ? s.indexOf('.') : s.length();
        StringBuilder sb = new StringBuilder(s);
        for (int i = point - 3; i > sign; i -= 3) {
            sb.insert(i, ',');
        }
        return sb.toString();
    }

    /** Scientific with {@code digits} significant digits: sci(0.000123456, 3) = "1.23e-04". */
    static String sci(double x, int digits) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        if (x == 0.0) {
            return "0." + "0".repeat(digits - 1) + "e+00";
        }
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        BigDecimal abs = r.abs();
        int exponent = abs.precision() - abs.scale() - 1;
        String mantissa = abs.movePointLeft(exponent).setScale(digits - 1, RoundingMode.UNNECESSARY).toPlainString();
        String e = String.valueOf(Math.abs(exponent));
        return (r.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + (e.length() < 2 ? "0" + e : e);
    }

    /**
     * {@code digits} significant digits, in plain decimals for 0.001 ≤ |x| < 100000 and in
     * scientific notation outside: sig(0.4774321, 4) = "0.4774", sig(1.2345e-6, 3) = "1.23e-06".
     */
    static String sig(double x, int digits) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        if (x == 0.0) {
            return fixed(0.0, digits - 1);
        }
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        if (exponent < -3 || exponent > 4) {
            return sci(x, digits);
        }
        return r.setScale(Math.max(0, digits - 1 - exponent), RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * A setting as typed: the shortest decimal that reads back as {@code x}, in plain digits for
     * 1e-6 ≤ |x| < 1e7 (0.03, 0.0001, 2) and as 1e+300 or 2.5e-09 outside.
     */
    static String plain(double x) {
        if (!Double.isFinite(x)) {
            return nonFinite(x);
        }
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (x != 0.0 && (exponent < -6 || exponent > 6)) {
            return sci(x, d.precision());
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A parameter: six decimals while that is readable (|x| < 1e6), else seven significant digits. */
    static String parameter(double x) {
        return Double.isFinite(x) && Math.abs(x) < 1e6 ? fixed(x, 6) : sci(x, 7);
    }

    /** Seconds with a precision that suits them: 0.042 s, 3.21 s, 12.3 s. */
    static String seconds(double s) {
        return s < 1 ? fixed(s, 3) : s < 10 ? fixed(s, 2) : fixed(s, 1);
    }

    /** An integer with thousands separators: 1,000,000. */
    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** A count and its noun, singular for one: "1 epoch", "1,000 epochs". */
    static String count(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static boolean negativeZero(String s) {
        return s.startsWith("-") && s.chars().allMatch(c -> c == '-' || c == '0' || c == '.');
    }

    private static String nonFinite(double x) {
        return Double.isNaN(x) ? "NaN" : x > 0 ? "inf" : "-inf";
    }
}
