package org.backproplab.grad;

import org.backproplab.nn.Network;

/**
 * The guide's last section, for the learning rate η: how the loss after the next step,
 * φ(η) = L(θ − η·g), changes with η. By the chain rule through θ′ = θ − η·g (∂θ′/∂η = −g):
 * φ′(η) = ∇L(θ′) · (−g) = −∇L(θ′)·g, one backward pass at θ′. Beside it, the numeric value got
 * by nudging η: (φ(η + h) − φ(η − h)) / 2h.
 *
 * <p>A negative φ′ says a larger η would have lowered the loss after this step; a positive one
 * says a smaller η would have. Hypergradient descent follows it: η ← η − β·φ′.
 *
 * @param learningRate  η
 * @param lossNow       L(θ)
 * @param lossAfterStep φ(η) = L(θ − η·g)
 * @param chainRule     −∇L(θ′)·g
 * @param numeric       the centered difference in η
 * @param nudge         h, the nudge of η: chosen so that the parameter with the largest |g_k|
 *                      moves by 1e-5, near the best step for a centered difference in double
 *                      precision whatever the size of g
 * @param roundingError about how far rounding of the loss alone can move the numeric value:
 *                      δL / h, with δL from {@link GradientCheck#lossRoundingError} at θ′. Where
 *                      θ′ saturates an output (a large step with cross-entropy) L is coarse, and a
 *                      difference between the two values within this bound is rounding, not a bug.
 */
public record LearningRateGradient(double learningRate, double lossNow, double lossAfterStep, double chainRule,
                                   double numeric, double nudge, double relativeError, double roundingError) {
    /** How far the largest-moving parameter is carried by the nudge of η. */
    public static final double PARAMETER_NUDGE = 1e-5;

    /** What the sign says. */
    public enum Advice {
        LARGER("a larger learning rate would lower the loss now"),
        SMALLER("a smaller learning rate would lower the loss now"),
        NEITHER("the learning rate makes no difference now");

        private final String text;

        Advice(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Advice advice() {
        return chainRule < 0 ? Advice.LARGER : chainRule > 0 ? Advice.SMALLER : Advice.NEITHER;
    }

    /** At θ, for the step along the chain-rule gradient g = ∇L(θ). θ is left as it was. */
    public static LearningRateGradient at(Network net, double[] theta, double learningRate) {
        double[] g = new double[theta.length];
        double loss = new ChainRule(net).gradient(theta, g);
        return along(net, theta, loss, g, learningRate);
    }

    /** At θ, for the step along a given gradient g (the one training uses: chain rule or numeric). */
    public static LearningRateGradient along(Network net, double[] theta, double lossNow, double[] g,
                                             double learningRate) {
        int p = theta.length;
        double[] next = new double[p];
        double[] gNext = new double[p];
        double largest = 0.0;
        for (int k = 0; k < p; k++) {
            next[k] = theta[k] - learningRate * g[k];
            largest = Math.max(largest, Math.abs(g[k]));
        }
        ChainRule cr = new ChainRule(net);
        double after = cr.gradient(next, gNext);
        double lossRounding = GradientCheck.lossRoundingError(net.dataset(), cr.lastPass());
        double dot = 0.0;
        for (int k = 0; k < p; k++) {
            dot += gNext[k] * g[k];
        }
        double chain = -dot;
        double h = largest > 0 ? PARAMETER_NUDGE / largest : PARAMETER_NUDGE;
        double up = lossAlong(net, theta, g, learningRate + h, next);
        double down = lossAlong(net, theta, g, learningRate - h, next);
        double numeric = (up - down) / (2.0 * h);
        return new LearningRateGradient(learningRate, lossNow, after, chain, numeric, h,
                GradientCheck.relativeError(chain, numeric), lossRounding / h);
    }

    private static double lossAlong(Network net, double[] theta, double[] g, double eta, double[] scratch) {
        for (int k = 0; k < theta.length; k++) {
            scratch[k] = theta[k] - eta * g[k];
        }
        return net.loss(scratch);
    }
}
