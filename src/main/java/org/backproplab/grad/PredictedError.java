package org.backproplab.grad;

/**
 * The error a finite difference should have, |numeric − exact|, predicted from the loss's own
 * shape along the nudge ({@link LossExpansion}) before looking at the chain rule:
 *
 * <ul>
 *   <li><b>truncation</b>: a one-sided difference is off by ε·L″/2 + ε²·L‴/6 + …, a central one by
 *       ε²·L‴/6 + ε⁴·L⁽⁵⁾/120 + … (the Taylor series of L along the nudge; the sum of the terms'
 *       sizes up to L⁽⁵⁾ is taken, so that a curvature that happens to be 0 here does not predict 0);</li>
 *   <li><b>rounding</b>: each computed loss is off by up to δL ({@link LossExpansion#lossRounding}),
 *       so (L(θ+ε) − L(θ))/ε by 2·δL/ε and (L(θ+ε) − L(θ−ε))/2ε by δL/ε; rounding θ ± ε itself
 *       moves the nudge by up to u·|θ|, which the quotient turns into u·|θ|·|L′|/ε;</li>
 *   <li><b>kink</b>: where the nudge carries a ReLU input across 0 (or ŷ across cross-entropy's
 *       clip), the slope jumps and the quotient takes the jump in for the part of the step beyond it.</li>
 * </ul>
 *
 * {@link #total()} is their sum: the numeric method's expected |numeric − exact| ("predictedError"
 * in JSON). {@code chainRounding} is the chain rule's own rounding (u·Σ over the rows of
 * |product| times a few operations), which the verdict allows for too but which is not the numeric
 * method's error.
 *
 * @param difference     forward or central
 * @param step           ε (or the nudge of η)
 * @param slope          L′ along the nudge, by the Taylor expansion (the exact gradient)
 * @param curvature      L″ along the nudge
 * @param thirdDerivative L‴ along the nudge
 * @param lossRounding   δL
 * @param leading        the first term of the truncation: ε·|L″|/2 one-sided, ε²·|L‴|/6 central
 * @param truncation     all the truncation terms kept
 * @param rounding       the rounding part
 * @param kink           the kink part (0 when no kink is within the nudge)
 * @param clip           whether the kink part is cross-entropy's clip rather than a ReLU's
 * @param chainRounding  the chain rule's own rounding
 */
public record PredictedError(Difference difference, double step, double slope, double curvature,
                             double thirdDerivative, double lossRounding, double leading, double truncation,
                             double rounding, double kink, boolean clip, double chainRounding) {
    /** The chain rule's sum over the rows: each product of about five factors, then four additions. */
    private static final double CHAIN_OPERATIONS = 16;

    /** The predicted |numeric − exact|: truncation + rounding + kink. */
    public double total() {
        return truncation + rounding + kink;
    }

    /**
     * The error predicted for a difference quotient with steps {@code step} along the direction
     * {@code x} was expanded in; {@code nudgeRounding} is how far rounding the nudged point can move
     * L (u·|θ_k|·|L′| for a nudge of θ_k), divided by the step here.
     */
    public static PredictedError of(LossExpansion x, Difference diff, double step, double nudgeRounding) {
        double truncation = 0.0;
        double power = 1.0;
        for (int n = 2; n <= LossExpansion.DEGREE; n++) {
            power *= step;
            if (diff == Difference.FORWARD || n % 2 == 1) {
                truncation += Math.abs(x.coefficient(n)) * power;
            }
        }
        double leading = diff == Difference.FORWARD ? Math.abs(x.coefficient(2)) * step
                : Math.abs(x.coefficient(3)) * step * step;
        double delta = x.lossRounding();
        double rounding = ((diff == Difference.FORWARD ? 2 : 1) * delta + nudgeRounding) / step;
        double relu = x.kinkError(step, diff, true);
        double clip = x.kinkError(step, diff, false);
        return new PredictedError(diff, step, x.derivative(1), x.derivative(2), x.derivative(3), delta, leading,
                truncation, rounding, relu + clip, clip > relu, CHAIN_OPERATIONS * LossExpansion.U * x.rowSlopes());
    }

    /** For a nudge of parameter θ_k = {@code value} along which {@code x} was expanded. */
    public static PredictedError forParameter(LossExpansion x, double value, Difference diff, double eps) {
        return of(x, diff, eps, LossExpansion.U * Math.abs(value) * Math.abs(x.derivative(1)));
    }

    /**
     * The best step of this difference by this prediction: where truncation and rounding balance.
     * One-sided, ε·|L″|/2 + 2·δL/ε is least at ε* = 2·sqrt(δL/|L″|); central, ε²·|L‴|/6 + δL/ε at
     * ε* = (3·δL/|L‴|)^(1/3). NaN when the curvature is 0 (no balance: the larger the better).
     */
    public static double bestStep(Difference diff, double lossRounding, double curvature, double thirdDerivative) {
        double c = Math.abs(diff == Difference.FORWARD ? curvature : thirdDerivative);
        if (!(c > 0) || Double.isInfinite(c)) return Double.NaN;
        return diff == Difference.FORWARD ? 2 * Math.sqrt(lossRounding / c) : Math.cbrt(3 * lossRounding / c);
    }
}
