package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.backproplab.grad.GradientCheck.Reason;
import org.backproplab.grad.GradientCheck.Verdict;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.backproplab.train.Preset;
import org.backproplab.train.Training;
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

    /** A prediction of 1e-6 truncation and 1e-12 rounding, one-sided, to judge made-up differences by. */
    private static PredictedError predicted(double truncation, double rounding) {
        return new PredictedError(Difference.FORWARD, 1e-4, 1e-3, 0, 0, 0, truncation, truncation, rounding, 0, false, 0);
    }

    @Test
    void theVerdictIsJudgedAgainstThePrediction() {
        PredictedError p = predicted(1e-6, 1e-12);
        double a = 1e-3;
        assertThat(GradientCheck.verdict(a + 3.9e-12, a, p)).isEqualTo(Verdict.GOOD); // within 4× the rounding
        assertThat(GradientCheck.verdict(a + 4.1e-12, a, p)).isEqualTo(Verdict.EXPECTED);
        assertThat(GradientCheck.verdict(a + 4.0e-6, a, p)).isEqualTo(Verdict.EXPECTED); // 4 × (1e-6 + 1e-12)
        assertThat(GradientCheck.verdict(a + 4.1e-6, a, p)).isEqualTo(Verdict.BAD);
        assertThat(GradientCheck.verdict(Double.NaN, a, p)).isEqualTo(Verdict.BAD);
        assertThat(GradientCheck.reason(Verdict.EXPECTED, a + 1e-6, a, p)).isEqualTo(Reason.ONE_SIDED);
        // rounding as large as the gradient: nothing left to agree on, never good unless equal
        PredictedError coarse = predicted(0, 1e-3);
        assertThat(GradientCheck.verdict(0.0, 5e-4, coarse)).isEqualTo(Verdict.EXPECTED);
        assertThat(GradientCheck.reason(Verdict.EXPECTED, 0.0, 5e-4, coarse)).isEqualTo(Reason.LOST);
        assertThat(GradientCheck.verdict(0.0, 0.0, coarse)).isEqualTo(Verdict.GOOD);
        // agreeing to a rounding error of 30% of the gradient is expected, not good
        assertThat(GradientCheck.verdict(0.84, 0.75, predicted(0, 0.24))).isEqualTo(Verdict.EXPECTED);
        assertThat(GradientCheck.reason(Verdict.EXPECTED, 0.84, 0.75, predicted(0, 0.24))).isEqualTo(Reason.ROUNDING);
    }

    /**
     * The textbook run after 4,000 epochs: gradients of ~1e-4, where a one-sided difference at
     * ε = 1e-4 is off by ε·L″/2 ~ 1e-8, a relative error of up to 1e-3. The old fixed bands called
     * seven of nine rows bad; judged against the prediction every row is expected, for that reason,
     * and the predicted error is ε·|L″|/2 with L″ from an independent five-point second difference.
     */
    @Test
    void aTrainedTextbookRunReadsExpectedNotBad() {
        Training t = new Training(Preset.TEXTBOOK.defaults());
        t.run(4000);
        Architecture arch = t.architecture();
        double[] theta = t.parameters();
        GradientCheck check = GradientCheck.at(new Network(arch, Dataset.XOR), theta, 1e-4, Difference.FORWARD);
        IndependentNet independent = new IndependentNet(arch, Dataset.XOR);
        assertThat(check.entries()).anySatisfy(e -> assertThat(e.relativeError()).isGreaterThan(1e-4));
        for (int k = 0; k < theta.length; k++) {
            GradientCheck.Entry e = check.entries().get(k);
            assertThat(e.verdict()).as(e.name()).isEqualTo(Verdict.EXPECTED);
            assertThat(e.reason()).as(e.name()).isEqualTo(Reason.ONE_SIDED);
            double curvature = independent.secondDerivative(theta, k, 1e-3);
            assertThat(e.predicted().curvature()).isCloseTo(curvature, within(1e-6 * Math.abs(curvature)));
            assertThat(e.predicted().leading()).isCloseTo(1e-4 * Math.abs(curvature) / 2, within(1e-6 * 1e-4 * Math.abs(curvature)));
            // and the difference seen is that error: within a few per cent of it
            assertThat(e.absoluteError()).isCloseTo(e.predicted().total(), within(0.05 * e.predicted().total()));
        }
    }

    /**
     * The reference preset after 100,000 epochs sits on ReLU kinks (b_h1 ≈ −4e-5, within ε of 0 on a
     * row): a kink within the nudge is expected, not bad, and the prediction names it.
     */
    @Test
    void theReferenceRunOnItsKinksReadsExpected() {
        Training t = new Training(Preset.REFERENCE.defaults());
        t.run(100_000);
        double[] theta = t.parameters();
        Network net = new Network(t.architecture(), Dataset.XOR);
        assertThat(Math.abs(theta[t.architecture().indexOf("b_h1")])).isLessThan(1e-4);
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        assertThat(check.entries()).noneMatch(e -> e.verdict() == Verdict.BAD);
        assertThat(check.entry("b_h1").reason()).isEqualTo(Reason.KINK);
    }

    /**
     * ReLU kink: b_h1 = −5e-5, so unit h1's pre-activation on row (0,0) is z = b_h1 = −5e-5,
     * within ε = 1e-4 of 0 (the other rows add w_x1_h1 = 1 and/or w_x2_h1 = 1, far from 0). The
     * chain rule sees ReLU′ = 0 on that row; the forward nudge b_h1 + ε lifts z to +5e-5 and the
     * row suddenly contributes its slope for the half of the step beyond the kink. The prediction
     * has exactly that part: δ₀·w(h1→y)·(1 − 5e-5/1e-4), with δ₀ = ∂L/∂z_y = (ŷ₀ − 0)/4 for
     * cross-entropy, so the check calls it expected and names the kink.
     */
    @Test
    void aKinkWithinTheNudgeIsPredicted() {
        Architecture arch = new Architecture(2, Activation.RELU, Loss.BCE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = {1, 0.3, 1, -0.7, -5e-5, 0.2, 1.5, -0.8, 0.1};
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        GradientCheck.Entry bias = check.entry("b_h1");
        double yhat0 = netPass(net, theta).output[0];
        double missed = yhat0 / 4 * theta[arch.outputWeight(0)] * 0.5;
        assertThat(bias.predicted().kink()).isCloseTo(missed, within(1e-9 * missed));
        assertThat(bias.numeric() - bias.chainRule()).isCloseTo(missed, within(5e-5));
        assertThat(bias.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(bias.reason()).isEqualTo(Reason.KINK);
        // Parameters of h2, or of h1 that the (0,0) row does not move, have no kink in their nudge.
        for (String name : new String[] {"w_x1_h1", "w_x2_h1", "b_h2"}) {
            assertThat(check.entry(name).predicted().kink()).isZero();
            assertThat(check.entry(name).reason()).isNotEqualTo(Reason.KINK);
        }
        assertThat(GradientCheck.at(net, theta, 1e-5, Difference.FORWARD).entry("b_h1").predicted().kink()).isZero();
        // nudged the other way the kink is not crossed: b_h1 = +5e-5 moves z from 5e-5 up, away from 0
        theta[arch.indexOf("b_h1")] = 5e-5;
        assertThat(GradientCheck.at(net, theta, 1e-4, Difference.FORWARD).entry("b_h1").predicted().kink()).isZero();
    }

    private static Forward netPass(Network net, double[] theta) {
        Forward f = new Forward(net.architecture());
        net.forward(theta, f);
        return f;
    }

    /**
     * At the textbook start with ε = 1e-4 a one-sided difference is off by its truncation error and
     * says so. A central difference at the same ε agrees to rounding on the hidden layer's rows
     * (their ε²·L‴/6 is ~1e-12, about the rounding) and is good there; on the output's rows L‴ is
     * ~0.1, so ε²·L‴/6 ~ 2e-10 stands out of the rounding: expected, central O(ε²).
     */
    @Test
    void oneSidedIsExpectedAndCentralIsMostlyGoodAtTheTextbookStart() {
        Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = InitScheme.UNIFORM01.draw(arch, 1);
        GradientCheck forward = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        assertThat(forward.entries()).allSatisfy(e -> {
            assertThat(e.verdict()).isEqualTo(Verdict.EXPECTED);
            assertThat(e.reason()).isEqualTo(Reason.ONE_SIDED);
        });
        GradientCheck central = GradientCheck.at(net, theta, 1e-4, Difference.CENTRAL);
        for (GradientCheck.Entry e : central.entries()) {
            boolean output = e.name().endsWith("_y");
            assertThat(e.verdict()).as(e.name()).isEqualTo(output ? Verdict.EXPECTED : Verdict.GOOD);
            assertThat(e.reason()).as(e.name()).isEqualTo(output ? Reason.CENTRAL : Reason.NONE);
        }
    }

    /**
     * Rounding: hidden unit h1 saturated (b_h1 = 25, σ′ ≈ 1.4e-11), so its input weights' true
     * gradients are about 1e-13, below what (L(θ+ε) − L(θ))/ε can resolve (2δL/ε ≈ 6e-12): the
     * numeric value is lost in rounding, which is expected, not bad.
     */
    @Test
    void tinyGradientsAreLostInRounding() {
        Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = {0.5, 0.2, -0.4, 0.9, 25, 0.1, 0.7, -0.6, 0.05};
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        GradientCheck.Entry w = check.entry("w_x1_h1");
        assertThat(Math.abs(w.chainRule())).isLessThan(1e-12);
        assertThat(w.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(w.reason()).isEqualTo(Reason.LOST);
    }

    /**
     * Saturated output: H = 1, AND gate, b_y = 25, so ŷ = σ(25) = 1 − 1.4e-11 on every row. For
     * the three rows with t = 0 the loss term is −ln(1 − ŷ), and 1 − ŷ is known to about
     * 2u/1.4e-11 ≈ 1.6e-5 of itself: L is coarse by ~1.2e-5, the quotient over ε = 1e-4 by ~0.24,
     * on a gradient of ∂L/∂b_y = (ŷ·3 + (ŷ − 1))/4 ≈ 0.75. The check puts the difference down to
     * rounding, expected, and its prediction covers the difference seen.
     */
    @Test
    void aSaturatedOutputIsExpectedForTheRoundingOfL() {
        Architecture arch = new Architecture(1, Activation.SIGMOID, Loss.BCE);
        Network net = new Network(arch, Dataset.AND);
        double[] theta = {0, 0, 0, 0, 25};
        GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
        GradientCheck.Entry b = check.entry("b_y");
        assertThat(b.chainRule()).isCloseTo(0.75, within(1e-10));
        assertThat(b.verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(b.reason()).isEqualTo(Reason.ROUNDING);
        assertThat(b.absoluteError()).isLessThanOrEqualTo(b.predicted().total());
        assertThat(b.predicted().rounding()).isBetween(0.1, 0.5); // 2·δL/ε, δL ≈ 1.2e-5 by hand
    }

    /**
     * ε = 1e-300 (issue 9): θ + ε rounds to θ, every numeric value is exactly 0 while the chain
     * rule's are about 1e-3. That is not rounding "of tiny gradients" and not a disagreement: the
     * numeric value is lost in rounding, and the check says so on every row.
     */
    @Test
    void anEpsilonLostInRoundingIsSaidSo() {
        Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        GradientCheck check = GradientCheck.at(net, InitScheme.UNIFORM01.draw(arch, 1), 1e-300, Difference.FORWARD);
        assertThat(check.entries()).allSatisfy(e -> {
            assertThat(e.numeric()).isZero();
            assertThat(Math.abs(e.chainRule())).isGreaterThan(1e-3);
            assertThat(e.verdict()).isEqualTo(Verdict.EXPECTED);
            assertThat(e.reason()).isEqualTo(Reason.LOST);
        });
    }
}
