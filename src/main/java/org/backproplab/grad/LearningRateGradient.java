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
 * @param predicted     the error the centered difference in η should have (truncation h²·φ‴/6 + …,
 *                      rounding δL/h at θ′, a kink within the nudge), as for a parameter's
 *                      ({@link PredictedError}); a large step that saturates an output under
 *                      cross-entropy makes L coarse there, and the numeric value can be lost in it
 * @param verdict       the numeric value against the chain rule, judged as a parameter's is
 *                      ({@link GradientCheck#verdict})
 * @param reason        why they differ, when they differ as predicted
 */
public record LearningRateGradient(double learningRate, double lossNow, double lossAfterStep, double chainRule,
                                   double numeric, double nudge, double relativeError, PredictedError predicted,
                                   GradientCheck.Verdict verdict, GradientCheck.Reason reason) {
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

    /**
     * What the sign says, where there is one to read: a φ′ within its own rounding (as a gradient
     * within rounding reads good) has no sign worth a word, and η makes no difference to that
     * precision.
     */
    public Advice advice() {
        if (Math.abs(chainRule) <= GradientCheck.FACTOR * predicted.chainRounding()) {
            return Advice.NEITHER;
        }
        return chainRule < 0 ? Advice.LARGER : Advice.SMALLER;
    }

    /** At θ, for the step along the chain-rule gradient g = ∇L(θ). θ is left as it was. */
    public static LearningRateGradient at(Network net, double[] theta, double learningRate) {
        return at(net, theta, learningRate, null);
    }

    /** At θ, for the step along the gradient of the chain rule with {@code bug} planted (null: none). */
    public static LearningRateGradient at(Network net, double[] theta, double learningRate, PlantedBug bug) {
        double[] g = new double[theta.length];
        double loss = BuggyChainRule.gradient(net, bug, theta, g);
        return along(net, theta, loss, g, learningRate, bug);
    }

    /** At θ, for the step along a given gradient g (the one training uses: chain rule or numeric). */
    public static LearningRateGradient along(Network net, double[] theta, double lossNow, double[] g,
                                             double learningRate) {
        return along(net, theta, lossNow, g, learningRate, null);
    }

    /**
     * At θ, for the step along g, with the chain rule's ∇L(θ′) taken with {@code bug} planted
     * (null: none); the numeric value and its predicted error stay right.
     */
    public static LearningRateGradient along(Network net, double[] theta, double lossNow, double[] g,
                                             double learningRate, PlantedBug bug) {
        return along(net, theta, lossNow, g, learningRate, bug, new LossExpansion(net));
    }

    /** As {@link #along(Network, double[], double, double[], double, PlantedBug)}, expanding the loss in {@code scratch}. */
    public static LearningRateGradient along(Network net, double[] theta, double lossNow, double[] g,
                                             double learningRate, PlantedBug bug, LossExpansion scratch) {
        int p = theta.length;
        double[] next = new double[p];
        double[] down = new double[p];
        double largest = 0.0;
        for (int k = 0; k < p; k++) {
            next[k] = theta[k] - learningRate * g[k];
            down[k] = -g[k];
            largest = Math.max(largest, Math.abs(g[k]));
        }
        double[] exact = new double[p];
        double after = new ChainRule(net).gradient(next, exact);
        double[] gNext = exact;
        if (bug != null) {
            gNext = new double[p];
            BuggyChainRule.gradient(net, bug, next, gNext);
        }
        double dot = 0.0;
        // rounding θ_k − (η ± h)·g_k moves each nudged parameter by about u·|θ′_k| (and η ± h by u·η)
        double nudgeRounding = 0.0;
        for (int k = 0; k < p; k++) {
            dot += gNext[k] * g[k];
            nudgeRounding += Math.abs(exact[k]) * (Math.abs(next[k]) + Math.abs(learningRate * g[k]));
        }
        double chain = -dot;
        double h = largest > 0 ? PARAMETER_NUDGE / largest : PARAMETER_NUDGE;
        double up = lossAlong(net, theta, g, learningRate + h, next);
        double below = lossAlong(net, theta, g, learningRate - h, next);
        double numeric = (up - below) / (2.0 * h);
        for (int k = 0; k < p; k++) {
            next[k] = theta[k] - learningRate * g[k];
        }
        LossExpansion x = scratch.along(next, down);
        PredictedError predicted = PredictedError.of(x, Difference.CENTRAL, h, LossExpansion.U * nudgeRounding);
        GradientCheck.Verdict verdict = GradientCheck.verdict(numeric, chain, predicted);
        return new LearningRateGradient(learningRate, lossNow, after, chain, numeric, h,
                GradientCheck.relativeError(chain, numeric), predicted, verdict,
                GradientCheck.reason(verdict, numeric, chain, predicted));
    }

    private static double lossAlong(Network net, double[] theta, double[] g, double eta, double[] scratch) {
        for (int k = 0; k < theta.length; k++) {
            scratch[k] = theta[k] - eta * g[k];
        }
        return net.loss(scratch);
    }
}
