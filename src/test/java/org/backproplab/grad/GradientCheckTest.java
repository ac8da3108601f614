package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;

import org.backproplab.grad.GradientCheck.Reason;
import org.backproplab.grad.GradientCheck.Verdict;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    @Test
    void relativeErrorIsCs231ns() {
        assertThat(GradientCheck.relativeError(0.0, 0.0)).isZero();
        assertThat(GradientCheck.relativeError(0.0, -0.0)).isZero();
        assertThat(GradientCheck.relativeError(2.0, 1.0)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(1.0, 2.0)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(-1.0, 1.0)).isEqualTo(2.0);
        assertThat(GradientCheck.relativeError(1e-300, 0.0)).isEqualTo(1.0);
    }

    @Test
    void verdictThresholds() {
        assertThat(GradientCheck.verdict(0.0)).isEqualTo(Verdict.GOOD);
        assertThat(GradientCheck.verdict(1e-7)).isEqualTo(Verdict.GOOD);
        assertThat(GradientCheck.verdict(Math.nextUp(1e-7))).isEqualTo(Verdict.ACCEPTABLE);
        assertThat(GradientCheck.verdict(1e-4)).isEqualTo(Verdict.ACCEPTABLE);
        assertThat(GradientCheck.verdict(Math.nextUp(1e-4))).isEqualTo(Verdict.BAD);
        assertThat(GradientCheck.verdict(2.0)).isEqualTo(Verdict.BAD);
        assertThat(GradientCheck.verdict(Double.NaN)).isEqualTo(Verdict.BAD);
    }

    /**
     * ReLU kink: b_h1 = −5e-5, so unit h1's pre-activation on row (0,0) is z = b_h1 = −5e-5,
     * within ε = 1e-4 of 0 (the other rows add w_x1_h1 = 1 and/or w_x2_h1 = 1, far from 0). The
     * chain rule sees ReLU′ = 0 on that row; the forward nudge b_h1 + ε lifts z to +5e-5 and the
     * row suddenly contributes about half its slope: the two disagree, and the check says why.
     */
    @Test
    void kinkIsFlagged() {
        Architecture arch = new Architecture(2, Activation.RELU, Loss.BCE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = {1, 0.3, 1, -0.7, -5e-5, 0.2, 1.5, -0.8, 0.1};
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        GradientCheck.Entry bias = check.entry("b_h1");
        assertThat(bias.verdict()).isEqualTo(Verdict.BAD);
        assertThat(bias.reason()).isEqualTo(Reason.KINK);
        // The numeric quotient picks up what the chain rule leaves out: row (0,0)'s
        // δ₀·w(h1→y)·(5e-5 / 1e-4), with δ₀ = ∂L/∂z_y = (ŷ₀ − 0)/4 for cross-entropy.
        double yhat0 = netPass(net, theta).output[0];
        double missed = yhat0 / 4 * theta[arch.outputWeight(0)] * 0.5;
        // (≈ 0.08, to within the one-sided difference's own O(ε) error on the other rows, ~1e-5)
        assertThat(bias.numeric() - bias.chainRule()).isCloseTo(missed, org.assertj.core.api.Assertions.within(5e-5));
        // Parameters of h2, or of h1 that the (0,0) row does not move, are not kinks.
        assertThat(check.entry("w_x1_h1").reason()).isNotEqualTo(Reason.KINK);
        assertThat(check.entry("w_x2_h1").reason()).isNotEqualTo(Reason.KINK);
        assertThat(check.entry("b_h2").reason()).isNotEqualTo(Reason.KINK);
        assertThat(GradientCheck.nearKink(arch, netPass(net, theta), arch.indexOf("b_h1"), 1e-4)).isTrue();
        assertThat(GradientCheck.nearKink(arch, netPass(net, theta), arch.indexOf("b_h1"), 1e-5)).isFalse();
    }

    private static org.backproplab.nn.Forward netPass(Network net, double[] theta) {
        org.backproplab.nn.Forward f = new org.backproplab.nn.Forward(net.architecture());
        net.forward(theta, f);
        return f;
    }

    /**
     * One-sided differences are off by about ε·L″/2: at the textbook start (sigmoid, squared
     * error, seed 1's uniform draw) with ε = 1e-4, relative errors land between 1e-7 and 1e-4 and
     * are put down to the one-sided difference; the centered difference at the same ε is good.
     */
    @Test
    void oneSidedErrorIsNamedAndCenteredIsGood() {
        Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = InitScheme.UNIFORM01.draw(arch, 1);
        GradientCheck forward = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        assertThat(forward.entries()).allSatisfy(e -> {
            assertThat(e.relativeError()).isBetween(1e-9, 1e-4);
            if (e.verdict() != Verdict.GOOD) {
                assertThat(e.reason()).isEqualTo(Reason.ONE_SIDED);
            }
        });
        assertThat(forward.entries()).anySatisfy(e -> assertThat(e.reason()).isEqualTo(Reason.ONE_SIDED));
        GradientCheck central = GradientCheck.at(net, theta, 1e-4, Difference.CENTRAL);
        assertThat(central.entries()).allSatisfy(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.GOOD);
            assertThat(e.reason()).isEqualTo(Reason.NONE);
        });
    }

    /**
     * Rounding: hidden unit h1 saturated (b_h1 = 25, σ′ ≈ 1.4e-11), so its input weights' true
     * gradients are about 1e-12, far below what (L(θ+ε) − L(θ))/ε can resolve (ulp(L)/ε ≈ 1e-12).
     */
    @Test
    void tinyGradientsArePutDownToRounding() {
        Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = {0.5, 0.2, -0.4, 0.9, 25, 0.1, 0.7, -0.6, 0.05};
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        GradientCheck.Entry w = check.entry("w_x1_h1");
        assertThat(Math.abs(w.chainRule())).isLessThan(1e-10);
        assertThat(w.verdict()).isNotEqualTo(Verdict.GOOD);
        assertThat(w.reason()).isEqualTo(Reason.ROUNDING);
    }

    /**
     * Saturated output: H = 1, AND gate, b_y = 25, so ŷ = σ(25) = 1 − 1.4e-11 on every row. For
     * the three rows with t = 0 the loss term is −ln(1 − ŷ), and 1 − ŷ is known to about
     * ulp(1)/1.4e-11 ≈ 1e-5 of itself: L is coarse by ~1e-5, the quotient over ε = 1e-4 by ~0.1,
     * on a gradient of ∂L/∂b_y = (ŷ·3 + (ŷ − 1))/4 ≈ 0.75. The check puts it down to rounding,
     * and its estimate of the rounding error covers the difference seen.
     */
    @Test
    void saturatedOutputIsPutDownToRounding() {
        Architecture arch = new Architecture(1, Activation.SIGMOID, Loss.BCE);
        Network net = new Network(arch, Dataset.AND);
        double[] theta = {0, 0, 0, 0, 25};
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        GradientCheck.Entry b = check.entry("b_y");
        assertThat(b.chainRule()).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-10));
        assertThat(b.verdict()).isEqualTo(Verdict.BAD);
        assertThat(b.reason()).isEqualTo(Reason.ROUNDING);
        assertThat(b.absoluteError()).isLessThanOrEqualTo(b.roundingError());
        // The estimate: 2·δL/ε with δL ≈ ¾·2u·ŷ/(1 − ŷ) ≈ 1.2e-5, so about 0.24.
        assertThat(b.roundingError()).isBetween(0.1, 0.5);
    }
}
