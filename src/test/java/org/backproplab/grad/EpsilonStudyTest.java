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

class EpsilonStudyTest {
    private final Architecture arch = new Architecture(2, Activation.SIGMOID, Loss.MSE);
    private final Network net = new Network(arch, Dataset.XOR);
    private final double[] theta = InitScheme.UNIFORM01.draw(arch, 1);

    private EpsilonStudy study(int k) {
        double[] g = new double[theta.length];
        new ChainRule(net).gradient(theta, g);
        return EpsilonStudy.of(net, theta, k, g[k]);
    }

    /** The ε from 1e-1 to 1e-13 every half decade, and each point is the engine's own difference at that ε. */
    @Test
    void everyPointIsTheEnginesDifference() {
        EpsilonStudy s = study(0);
        assertThat(s.rows()).hasSize(25);
        assertThat(s.rows().get(0).epsilon()).isEqualTo(0.1);
        assertThat(s.rows().get(6).epsilon()).isEqualTo(1e-4);
        assertThat(s.rows().get(24).epsilon()).isCloseTo(1e-13, within(1e-28));
        double[] g = new double[theta.length];
        double loss = new ChainRule(net).gradient(theta, g);
        for (EpsilonStudy.Row r : s.rows()) {
            double[] forward = new double[theta.length];
            double[] central = new double[theta.length];
            new NumericGradient(net).gradient(theta.clone(), loss, r.epsilon(), Difference.FORWARD, forward);
            new NumericGradient(net).gradient(theta.clone(), loss, r.epsilon(), Difference.CENTRAL, central);
            assertThat(r.forward()).isEqualTo(forward[0]);
            assertThat(r.central()).isEqualTo(central[0]);
            assertThat(r.forwardError()).isEqualTo(Math.abs(forward[0] - g[0]));
            assertThat(r.centralError()).isEqualTo(Math.abs(central[0] - g[0]));
        }
        assertThat(s.chainRule()).isEqualTo(g[0]);
    }

    /**
     * The predicted curves and best steps, against scripts/curvature.py's L″ = −4.0318284238e-4 and
     * L‴ = −7.0567206532e-4 for w_x1_h1 at the textbook start: at ε = 0.1 truncation rules, and the
     * prediction (ε·|L″|/2 + ε²·|L‴|/6 + …) is the error measured there to 1%; the best steps are
     * 2·sqrt(δL/|L″|) and (3·δL/|L‴|)^(1/3); the best measured are the smallest errors in the table.
     */
    @Test
    void thePredictionsFollowTheCurvature() {
        double second = -0.00040318284238074951;
        double third = -0.0007056720653177161;
        EpsilonStudy s = study(0);
        assertThat(s.curvature()).isCloseTo(second, within(1e-16));
        assertThat(s.thirdDerivative()).isCloseTo(third, within(1e-16));
        EpsilonStudy.Row first = s.rows().get(0);
        assertThat(first.predictedForwardError()).isCloseTo(first.forwardError(), within(0.01 * first.forwardError()));
        assertThat(first.predictedCentralError()).isCloseTo(first.centralError(), within(0.01 * first.centralError()));
        assertThat(first.predictedForwardError()).isGreaterThan(0.1 * Math.abs(second) / 2);
        double delta = s.lossRounding();
        assertThat(s.predictedBestForward()).isCloseTo(2 * Math.sqrt(delta / Math.abs(second)), within(1e-12));
        assertThat(s.predictedBestCentral()).isCloseTo(Math.cbrt(3 * delta / Math.abs(third)), within(1e-12));
        for (Difference d : Difference.values()) {
            double least = s.rows().stream().mapToDouble(r -> r.error(d)).min().orElseThrow();
            assertThat(s.best(d).error()).isEqualTo(least);
        }
        // the guide's 1e-4 is 50 times the forward ε* (truncation side) and within 3× of the central one
        assertThat(s.guideSide(Difference.FORWARD)).isEqualTo(EpsilonStudy.Side.TRUNCATION);
        assertThat(s.guideSide(Difference.CENTRAL)).isEqualTo(EpsilonStudy.Side.NEAR);
        assertThat(s.guideRow().epsilon()).isEqualTo(EpsilonStudy.GUIDE_EPSILON);
    }

    /** A correct chain rule is matched to about its rounding near the best ε: the V reaches far below the guide's point. */
    @Test
    void theVReachesBelowTheGuidesPoint() {
        EpsilonStudy s = study(1);
        assertThat(s.best(Difference.FORWARD).error()).isLessThan(s.guideRow().forwardError() / 30);
        assertThat(s.best(Difference.FORWARD).epsilon()).isBetween(1e-8, 1e-5);
        // and the rounding side rises again: the smallest ε is far worse than the best
        assertThat(s.rows().get(24).forwardError()).isGreaterThan(1000 * s.best(Difference.FORWARD).error());
    }

    /**
     * A dead ReLU (the reference preset, seed 1: numpy's draw gives z_h2 = −2.30, −3.37, −2.91,
     * −3.99 on the four rows): a nudge of w_x1_h2 of up to 0.1 leaves every z below 0, so the loss
     * does not change at all and both differences are the chain rule's 0 at every ε. No ε is best.
     */
    @Test
    void aDeadUnitIsExactAtEveryEpsilonAndNoEpsilonIsBest() {
        Architecture relu = new Architecture(2, Activation.RELU, Loss.BCE);
        Network reference = new Network(relu, Dataset.XOR);
        double[] start = InitScheme.NUMPY_RANDN.draw(relu, 1);
        assertThat(start[1]).isEqualTo(-0.6117564136500754); // numpy.random.seed(1); randn(2, 2)[0][1]
        EpsilonStudy s = EpsilonStudy.of(reference, start, 1, 0.0);
        for (EpsilonStudy.Row r : s.rows()) {
            assertThat(r.forward()).isZero();
            assertThat(r.central()).isZero();
            // and predicted so: the nudged loss is L(θ) itself, so there is no rounding to predict
            assertThat(r.predictedForwardError()).isZero();
            assertThat(r.predictedCentralError()).isZero();
        }
        for (Difference d : Difference.values()) {
            assertThat(s.exactEverywhere(d)).isTrue();
            assertThat(s.best(d).single()).isFalse();
            assertThat(s.best(d).epsilon()).isNaN();
            assertThat(s.best(d).exact()).hasSize(25);
            assertThat(s.guideSide(d)).isEqualTo(EpsilonStudy.Side.EXACT);
        }
        assertThat(s.deadPath()).isEqualTo(new EpsilonStudy.DeadPath("h2", null));
    }

    /**
     * The sibling: exact at some ε only. Reference preset, H = 1, seed 13: numpy's draw gives
     * z_h1 = −0.0445, 0.709, −0.757, −0.00313 on rows (0,0), (0,1), (1,0), (1,1), so h1 is off on
     * both rows with x1 = 1 and w_x1_h1's gradient is 0. A nudge lifts z on row (1,1) above 0 once
     * ε > 0.0031274: the four largest ε err, the 21 from 1e-3 down are exact, and none is the best.
     */
    @Test
    void anInputWeightBehindAnOffUnitIsExactUntilTheNudgeCrossesTheKink() {
        Architecture relu = new Architecture(1, Activation.RELU, Loss.BCE);
        Network reference = new Network(relu, Dataset.XOR);
        double[] start = InitScheme.NUMPY_RANDN.draw(relu, 13);
        EpsilonStudy s = EpsilonStudy.of(reference, start, 0, 0.0);
        for (EpsilonStudy.Row r : s.rows()) {
            boolean crosses = r.epsilon() > 0.0031273617289384673;
            for (Difference d : Difference.values()) {
                assertThat(r.error(d) == 0.0).as("eps %s, %s", r.epsilon(), d).isEqualTo(!crosses);
            }
        }
        for (Difference d : Difference.values()) {
            assertThat(s.exactEverywhere(d)).isFalse();
            assertThat(s.best(d).exact()).hasSize(21).first().isEqualTo(1e-3);
            assertThat(s.best(d).single()).isFalse();
            assertThat(s.best(d).error()).isZero();
        }
        assertThat(s.deadPath()).isEqualTo(new EpsilonStudy.DeadPath("h1", "x1"));
        // a live parameter has none of it
        assertThat(study(0).deadPath()).isNull();
        assertThat(study(0).anyExact()).isFalse();
        assertThat(study(0).best(Difference.FORWARD).single()).isTrue();
    }
}
