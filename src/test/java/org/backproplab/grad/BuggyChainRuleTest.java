package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

class BuggyChainRuleTest {

    /** Each planted bug gives what an independent implementation of the same mistake gives. */
    @Property(tries = 400)
    void eachBugAgainstAnIndependentBuggyImplementation(@ForAll PlantedBug bug, @ForAll Activation activation,
                                                        @ForAll Loss loss, @ForAll Dataset gate,
                                                        @ForAll @IntRange(min = 1, max = 4) int hidden,
                                                        @ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Architecture arch = new Architecture(hidden, activation, loss);
        Network net = new Network(arch, gate);
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, seed);
        double[] g = new double[theta.length];
        double value = new BuggyChainRule(net, bug).gradient(theta, g);
        assertThat(value).isEqualTo(net.loss(theta)); // the loss stays right
        double[] want = IndependentBuggyBackprop.gradient(arch, gate, theta, bug);
        // Without the output slope, cross-entropy's ∂L/∂ŷ = −t/ŷ + (1−t)/(1−ŷ) stays uncancelled, and
        // the two implementations reach 1 − ŷ differently (the engine's complement is computed without
        // cancellation): near a saturated output they differ by about u/(1 − ŷ) relatively (seed 5453,
        // H = 3, AND: 1 − ŷ = 3.1e-5, 1.5e-12 apart). A mistake differs by O(1).
        Forward f = new Forward(arch);
        net.forward(theta, f);
        double margin = 1.0;
        for (int r = 0; r < Dataset.ROWS; r++) margin = Math.min(margin, Math.min(f.output[r], f.outputComplement[r]));
        double relative = 1e-12 + 16 * 0x1p-53 / margin;
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k]).as("%s %s", bug.id(), arch.name(k)).isCloseTo(want[k],
                    within(relative * Math.abs(want[k]) + 1e-15));
        }
    }

    /** The independent implementation without a bug is the chain rule (so its bugs are the only difference). */
    @Test
    void theIndependentImplementationWithoutABugIsTheChainRule() {
        Architecture arch = new Architecture(3, Activation.TANH, Loss.BCE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, 7);
        double[] g = new double[theta.length];
        new ChainRule(net).gradient(theta, g);
        double[] want = IndependentBuggyBackprop.gradient(arch, Dataset.XOR, theta, null);
        for (int k = 0; k < g.length; k++) {
            assertThat(g[k]).isCloseTo(want[k], within(1e-13 * Math.abs(want[k]) + 1e-16));
        }
    }

    /**
     * At the textbook start every bug turns some rows bad, and only those it touches: the wrong
     * sign, the missing mean and the missing output slope every row; the missing hidden slope the
     * hidden layer's (w_x, b_h); the swapped inputs the input weights; the one-row bias the hidden biases.
     */
    @Test
    void theGradientCheckFindsEachBugWhereItIs() {
        Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = InitScheme.UNIFORM01.draw(arch, 1);
        for (PlantedBug bug : PlantedBug.values()) {
            GradientCheck check = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD, bug);
            assertThat(check.plantedBug()).isEqualTo(bug);
            List<String> bad = check.entries().stream().filter(e -> e.verdict() == GradientCheck.Verdict.BAD)
                    .map(GradientCheck.Entry::name).toList();
            List<String> touched = switch (bug) {
                case NO_OUTPUT_SLOPE, NO_MEAN, WRONG_SIGN -> List.of("w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1",
                        "b_h2", "w_h1_y", "w_h2_y", "b_y");
                case NO_HIDDEN_SLOPE -> List.of("w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1", "b_h2");
                case SWAPPED_INPUTS -> List.of("w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2");
                case ONE_ROW_BIAS -> List.of("b_h1", "b_h2");
            };
            assertThat(bad).as(bug.id()).isEqualTo(touched);
            // and the numeric column is the same as without a bug
            GradientCheck right = GradientCheck.at(net, theta, 1e-4, Difference.FORWARD);
            for (int k = 0; k < theta.length; k++) {
                assertThat(check.entries().get(k).numeric()).isEqualTo(right.entries().get(k).numeric());
            }
        }
    }

    @Test
    void idsAreTheIssues() {
        assertThat(java.util.Arrays.stream(PlantedBug.values()).map(PlantedBug::id)).containsExactly(
                "no-output-slope", "no-hidden-slope", "no-mean", "wrong-sign", "swapped-inputs", "one-row-bias");
        assertThat(PlantedBug.byId("no-mean")).isEqualTo(PlantedBug.NO_MEAN);
        assertThat(PlantedBug.byId("nope")).isNull();
    }
}
