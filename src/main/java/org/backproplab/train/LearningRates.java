package org.backproplab.train;

import java.math.BigDecimal;

/**
 * The learning-rate ladder: 1, 2, 5 × 10^k (… 0.01, 0.02, 0.05, 0.1 …), so every value shown is a
 * round number. A rate between rungs (0.03 from a preset) moves to the next rung either way.
 */
public final class LearningRates {
    public static final double MIN = 1e-6;
    public static final double MAX = 100.0;
    private static final int[] MANTISSAS = {1, 2, 5};

    private LearningRates() {
    }

    /** The next rung above (rungs > 0) or below (rungs < 0), clamped to [MIN, MAX]. */
    public static double shift(double lr, int rungs) {
        double x = lr;
        for (int i = 0; i < Math.abs(rungs); i++) {
            x = rungs > 0 ? up(x) : down(x);
        }
        return x;
    }

    static double up(double lr) {
        for (int e = exponent(lr) - 1; e <= exponent(lr) + 1; e++) {
            for (int m : MANTISSAS) {
                double r = rung(m, e);
                if (r > lr * (1 + 1e-9)) return Math.min(r, MAX);
            }
        }
        return MAX;
    }

    static double down(double lr) {
        for (int e = exponent(lr) + 1; e >= exponent(lr) - 1; e--) {
            for (int i = MANTISSAS.length - 1; i >= 0; i--) {
                double r = rung(MANTISSAS[i], e);
                if (r < lr * (1 - 1e-9)) return Math.max(r, MIN);
            }
        }
        return MIN;
    }

    private static int exponent(double x) {
        return (int) Math.floor(Math.log10(x));
    }

    /** m·10^e as the double nearest the decimal (0.05 exactly as typed, not 5 × 0.01). */
    private static double rung(int m, int e) {
        return BigDecimal.valueOf(m).scaleByPowerOfTen(e).doubleValue();
    }
}
