package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * The loss's derivatives along one parameter, from the chain rule in forward mode, against
 * 50-digit arithmetic: scripts/curvature.py (mpmath's mp.diff of the loss written again in
 * Python) at the two presets' starts. Each row: k, L′, L″, L‴, L⁽⁵⁾.
 */
class LossExpansionTest {
    /** scripts/curvature.py sigmoid mse θ, θ = the textbook start (numpy seed 1's rand(9)). */
    private static final double[][] TEXTBOOK = {
        {0, 0.001684548313655836, -0.00040318284238074951, -0.0007056720653177161, 0.0010253151296552141},
        {1, 0.0021910808344950517, -0.0012386093365090953, -6.0391812948157213e-5, -0.0014634259639956282},
        {2, 0.0014835915618976645, -0.00067782950972947459, -0.0004116798751042257, -3.6642173591113333e-5},
        {3, 0.0017019389984562542, -0.0015716573766127719, 0.00065655671686689219, -0.0036266380165811309},
        {4, 0.0034168145493730625, -0.00044912725162605089, -0.0015818650267409671, 0.0028064436695895431},
        {5, 0.0055287888623244937, -0.00067878723385450486, -0.0020712914760207676, 0.003489500759385276},
        {6, 0.045009997716440434, 0.023925493845391897, -0.025857340246562845, 0.029265901991980146},
        {7, 0.048404969127049804, 0.028476677408380091, -0.035152980826540216, 0.050276724567967868},
        {8, 0.076531470652434466, 0.069869417744597245, -0.12503762842322199, 0.39616873395151782}};

    /** scripts/curvature.py relu bce θ, θ = the reference start (numpy seed 0's randn(9)): no ReLU input near 0. */
    private static final double[][] REFERENCE = {
        {0, 0.22528122408754379, 0.011299734516499791, -0.010127493076818656, -0.0061422959181909307},
        {1, -0.037175352939632723, 9.8730173679388155e-5, 1.4419108955720892e-5, 2.6199457769354081e-7},
        {2, 0.21377505604298529, 0.020958912299398166, -0.017109559263008232, -0.0036823663421370805},
        {3, -0.034056194233605303, 0.00053192072352761161, 6.9176100642269598e-5, 3.7785260268518359e-7},
        {4, 0.40563038462987799, 0.058432570041520596, -0.043192553163642461, 0.0032783961835048316},
        {5, -0.034056194233605303, 0.00053192072352761161, 6.9176100642269598e-5, 3.7785260268518359e-7},
        {6, 1.4358410016971841, 0.46921576709880675, -1.2863397015899334, -9.7612411545885774},
        {7, 0.38260427009186227, 0.042122496124779973, -0.051013996388066793, -0.046746891003084157},
        {8, 0.42693961651095792, 0.064733179828309335, -0.050363604578509415, 0.0042348820334246301}};

    /** scripts/curvature.py tanh bce θ, θ = numpy seed 0's randn(9). */
    private static final double[][] TANH = {
        {0, -0.00012595389095181911, 0.00025177103349716638, -0.00050299466417685292, -0.0019988116364875702},
        {4, 0.01427973102891366, -0.026741599707785031, 0.046506086506077169, 0.03860112423853421},
        {6, 0.18490229770057999, 0.20684412804131802, -0.078028704964988094, 0.11745070472726026}};

    @Test
    void textbookStart() {
        check(Activation.SIGMOID, Loss.MSE, InitScheme.UNIFORM01.draw(arch(Activation.SIGMOID, Loss.MSE), 1), TEXTBOOK);
    }

    @Test
    void referenceStart() {
        check(Activation.RELU, Loss.BCE, InitScheme.NUMPY_RANDN.draw(arch(Activation.RELU, Loss.BCE), 0), REFERENCE);
    }

    @Test
    void tanhCrossEntropyStart() {
        check(Activation.TANH, Loss.BCE, InitScheme.NUMPY_RANDN.draw(arch(Activation.TANH, Loss.BCE), 0), TANH);
    }

    private static Architecture arch(Activation a, Loss l) {
        return new Architecture(2, a, l);
    }

    private static void check(Activation a, Loss l, double[] theta, double[][] expected) {
        Network net = new Network(arch(a, l), Dataset.XOR);
        LossExpansion x = new LossExpansion(net);
        double[] before = theta.clone();
        for (double[] row : expected) {
            x.alongParameter(theta, (int) row[0]);
            assertThat(x.coefficient(0)).isEqualTo(net.loss(theta)); // the engine's own L(θ), to the bit
            for (int i = 1; i < row.length; i++) {
                int n = new int[] {0, 1, 2, 3, 5}[i];
                double want = row[i];
                assertThat(x.derivative(n)).as("k %d, derivative %d", (int) row[0], n)
                        .isCloseTo(want, within(1e-13 * Math.max(1, Math.abs(want)) + 1e-15));
            }
        }
        assertThat(theta).isEqualTo(before);
    }

    /**
     * δL on a saturated output, by hand: AND, H = 1, b_y = 25, cross-entropy, so ŷ = σ(25) on every
     * row, 1 − ŷ = 1.3888e-11. The three rows with t = 0 cost −ln(1 − ŷ); ŷ carries 2u of itself
     * (the exp and the division), which 1 − ŷ turns into 2u/(1 − ŷ) ≈ 1.6e-5, plus u for rounding
     * 1 − ŷ; the t = 1 row adds about 2u. The mean: (3·(2u/(1 − ŷ) + u) + 2u)/4 ≈ 1.2e-5.
     */
    @Test
    void lossRoundingOfASaturatedOutput() {
        Network net = new Network(new Architecture(1, Activation.SIGMOID, Loss.BCE), Dataset.AND);
        double u = 0x1p-53;
        double q = 1 / (1 + Math.exp(25));
        double byHand = (3 * (2 * u / q + u) + 2 * u) / 4;
        LossExpansion x = new LossExpansion(net).alongParameter(new double[] {0, 0, 0, 0, 25}, 4);
        assertThat(x.lossRounding()).isCloseTo(byHand, within(0.01 * byHand));
    }
}
