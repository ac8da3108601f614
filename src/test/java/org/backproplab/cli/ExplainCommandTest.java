package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.backproplab.cli.CliTest.list;
import static org.backproplab.cli.CliTest.run;

import java.util.List;
import java.util.Map;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.junit.jupiter.api.Test;

/** {@code explain} and the learning-rate line of {@code gradcheck}, against numpy and the engine. */
class ExplainCommandTest {
    /*
     * Independent values for the reference preset at seed 0 (ReLU, cross-entropy, the guide's numpy
     * draw), from numpy 2.4 with the guide's own forward pass and loss:
     *   np.random.seed(0); W1 = randn(2,2); b1 = randn(1,2); W2 = randn(2,1); b2 = randn(1,1)
     *   L = -mean(y log ŷ + (1-y) log(1-ŷ)) = 1.5017334395697
     *   W1[0,0] += 1e-4 -> L = 1.5017559677486068, (L' - L)/1e-4 = 0.22528178906799923
     *   per row: dL/dŷ = (-(y/ŷ) + (1-y)/(1-ŷ))/4, σ'(z_y) = ŷ(1-ŷ), then · W2[0,0] · [z_h1 > 0] · x1
     */
    static final double NUMPY_LOSS = 1.5017334395697;
    static final double NUMPY_LOSS_NUDGED = 1.5017559677486068;
    static final double NUMPY_NUMERIC = 0.22528178906799923;
    static final double[] NUMPY_DL_DYHAT = {1.5795386503026958, -0.27245928734316904, -0.2587962795382583,
        14.24781662163515};
    static final double[] NUMPY_SIGMOID_PRIME = {0.13322338404683265, 0.0756367304880097, 0.03283393800637346,
        0.01723866677202139};
    static final double[] NUMPY_ROWS = {0.0, 0.0, -0.008073187259035792, 0.23335441134657958};
    static final double NUMPY_CHAIN = 0.22528122408754378;

    @Test
    void jsonExplainsOneWeightWithTheNumpyNumbers() {
        CliTest.Run r = run("explain", "--preset", "reference", "--param", "w_x1_h1", "--format", "json");
        assertThat(r.code()).isZero();
        Map<String, Object> j = r.json();
        assertThat(j.get("parameter")).isEqualTo("w_x1_h1");
        @SuppressWarnings("unchecked")
        Map<String, Object> num = (Map<String, Object>) j.get("numeric");
        assertThat(num.get("epsilon")).isEqualTo(1e-4);
        assertThat((Double) num.get("lossBefore")).isCloseTo(NUMPY_LOSS, within(1e-13));
        assertThat((Double) num.get("lossAfter")).isCloseTo(NUMPY_LOSS_NUDGED, within(1e-13));
        assertThat((Double) num.get("nudgedValue")).isEqualTo(1.764052345967664 + 1e-4);
        assertThat((Double) num.get("gradient")).isCloseTo(NUMPY_NUMERIC, within(1e-8));
        // the numeric steps reproduce the gradient: (lossAfter - lossBefore) / eps, exactly as computed
        assertThat((Double) num.get("gradient"))
                .isEqualTo(((Double) num.get("lossAfter") - (Double) num.get("lossBefore")) / 1e-4);
        @SuppressWarnings("unchecked")
        Map<String, Object> chain = (Map<String, Object>) j.get("chainRule");
        List<Map<String, Object>> rows = list(chain.get("rows"));
        assertThat(rows).hasSize(4);
        double sum = 0;
        for (int r0 = 0; r0 < 4; r0++) {
            Map<String, Object> row = rows.get(r0);
            List<Map<String, Object>> factors = list(row.get("factors"));
            assertThat(factors).extracting(f -> f.get("name"))
                    .containsExactly("dL/dyhat", "sigmoid'(z_y)", "w(h1->y)", "relu'(z_h1)", "x1");
            assertThat((Double) factors.get(0).get("value")).isCloseTo(NUMPY_DL_DYHAT[r0], within(1e-12));
            assertThat((Double) factors.get(1).get("value")).isCloseTo(NUMPY_SIGMOID_PRIME[r0], within(1e-14));
            assertThat(factors.get(2).get("value")).isEqualTo(0.9500884175255894);
            double product = 1;
            for (Map<String, Object> f : factors) {
                product *= (Double) f.get("value");
            }
            assertThat((Double) row.get("product")).isEqualTo(product).isCloseTo(NUMPY_ROWS[r0], within(1e-14));
            sum += (Double) row.get("product");
        }
        assertThat(rows.get(3).get("inputs")).isEqualTo(List.of(1.0, 1.0));
        assertThat((Double) chain.get("gradient")).isEqualTo(sum).isCloseTo(NUMPY_CHAIN, within(1e-14));
    }

    @Test
    void theTableWalksTheSixStepsWithTheEnginesNumbers() {
        CliTest.Run r = run("explain", "--preset", "reference", "--param", "b_y");
        assertThat(r.code()).isZero();
        Config c = Preset.REFERENCE.defaults();
        Explanation e = Explanation.of(new Network(c.architecture(), c.dataset()), c.initialParameters(), 8, 1e-4,
                Difference.FORWARD);
        assertThat(r.out()).contains("1. nudge", "2. forward", "3. loss", "4. slope", "5. revert", "6. update")
                .contains("b_y + eps = " + e.numeric().nudgedValue())
                .contains("L before the nudge = 1.50173343957") // numpy: 1.5017334395697, 12 digits
                .contains("= " + Numbers.sci(e.numeric().gradient(), 9))
                .contains("dL/dyhat * sigmoid'(z_y)")
                .contains("sum of the four rows:    4.26939617e-01"); // numpy: 0.4269396165109579
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[01]  [01] [01] .*"))).hasSize(4);
    }

    @Test
    void centralShowsBothNudges() {
        CliTest.Run r = run("explain", "--param", "w_h2_y", "--difference", "central", "--format", "json");
        @SuppressWarnings("unchecked")
        Map<String, Object> num = (Map<String, Object>) r.json().get("numeric");
        double up = (Double) num.get("lossAfter");
        double down = (Double) num.get("lossAfterDown");
        assertThat((Double) num.get("gradient")).isEqualTo((up - down) / 2e-4);
        assertThat((Double) num.get("nudgedDownValue")).isLessThan((Double) num.get("nudgedValue"));
    }

    @Test
    void anUnknownOrMissingParameterNamesTheAllowedOnes() {
        CliTest.Run unknown = run("explain", "--param", "w_x1_h3");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown parameter 'w_x1_h3'")
                .contains("w_x1_h1 = x1->h1, w_x1_h2 = x1->h2").contains("b_h1 = b h1").contains("b_y = b y")
                .doesNotContain("Exception").hasLineCount(1);
        CliTest.Run wider = run("explain", "--param", "w_x1_h3", "--hidden", "3");
        assertThat(wider.code()).isZero();
        CliTest.Run missing = run("explain");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("missing --param").contains("w_h2_y").hasLineCount(1);
    }

    @Test
    void gradcheckAddsTheLearningRateGradient() {
        // numpy (same draw as above): g = ∇L(θ); φ'(η) = -∇L(θ - 0.03 g)·g = -2.5798674338816676;
        // centered difference in η with h = 1e-6: -2.579867433016858. g is the chain rule's when it
        // drives training (the reference preset's numeric g: GradientTeachingCliTest)
        CliTest.Run r = run("gradcheck", "--preset", "reference", "--method", "chain", "--format", "json");
        @SuppressWarnings("unchecked")
        Map<String, Object> lr = (Map<String, Object>) r.json().get("learningRate");
        assertThat(lr.get("value")).isEqualTo(0.03);
        assertThat((Double) lr.get("chainRule")).isCloseTo(-2.5798674338816676, within(1e-12));
        assertThat((Double) lr.get("numeric")).isCloseTo(-2.579867433016858, within(1e-7));
        assertThat((Double) lr.get("relativeError")).isEqualTo(GradientCheck.relativeError(
                (Double) lr.get("chainRule"), (Double) lr.get("numeric"))).isLessThan(1e-6);
        CliTest.Run table = run("gradcheck", "--preset", "reference", "--method", "chain");
        assertThat(table.out()).contains("chain rule -grad L(w')*g = -2.57986743e+00")
                .contains("a larger learning rate would lower the loss now");
    }
}
