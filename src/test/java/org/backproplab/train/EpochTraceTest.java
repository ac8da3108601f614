package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backproplab.grad.Difference;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Loss;
import org.junit.jupiter.api.Test;

/**
 * The trace of one epoch holds the engine's own doubles: the rows' shares add up to the chain-rule
 * gradient bit for bit, and its θ after the update is what one training epoch gives.
 */
class EpochTraceTest {

    @Property(tries = 200)
    void sharesAddUpAndTheEpochEndsAsTrainingEndsIt(@ForAll @IntRange(min = 1, max = 4) int hidden,
                                                   @ForAll Activation act, @ForAll Loss loss, @ForAll Dataset data,
                                                   @ForAll @IntRange(min = 0, max = 100_000) int seed,
                                                   @ForAll Method method, @ForAll Difference diff,
                                                   @ForAll @IntRange(min = 0, max = 30) int epochsBefore) {
        Config c = Preset.REFERENCE.defaults().withHidden(hidden).withActivation(act).withDataset(data)
                .withSeed(seed).withMethod(method).withDifference(diff);
        c = new Config(c.hidden(), c.activation(), loss, c.dataset(), c.initScheme(), c.seed(), 0.5, c.epsilon(),
                c.method(), c.difference(), null);
        Training t = new Training(c);
        t.run(epochsBefore);
        EpochTrace trace = EpochTrace.of(c, t.parameters());
        double[] grad = trace.gradient();
        if (method == Method.CHAIN) {
            for (int k = 0; k < grad.length; k++) {
                int param = k;
                List<EpochTrace.Step> shares = trace.steps().stream()
                        .filter(s -> s.phase() == EpochTrace.Phase.BACKWARD && s.row() >= 0 && s.parameter() == param)
                        .toList();
                assertThat(shares).hasSize(4);
                // the shares of the rows that switch the weight's input on, added in row order
                double sum = 0;
                boolean first = true;
                for (EpochTrace.Step s : shares) {
                    boolean inputWeight = k < 2 * hidden;
                    if (inputWeight && Dataset.input(s.row(), k / hidden) == 0) {
                        assertThat(s.value()).isZero();
                        continue;
                    }
                    sum = first ? s.value() : sum + s.value();
                    first = false;
                }
                assertThat(sum).as("row shares of %d", k).isEqualTo(grad[k]);
            }
        }
        double lossBefore = t.network().loss(t.parameters());
        assertThat(trace.lossBefore()).isEqualTo(lossBefore);
        t.step();
        assertThat(trace.after()).as("after").containsExactly(t.parameters());
        assertThat(trace.lossAfter()).isEqualTo(t.network().loss(t.parameters()));
        List<EpochTrace.Step> updates = trace.steps().stream().filter(s -> s.phase() == EpochTrace.Phase.UPDATE).toList();
        assertThat(updates).hasSize(grad.length);
        for (int k = 0; k < grad.length; k++) assertThat(updates.get(k).value()).isEqualTo(t.parameters()[k]);
    }

    /**
     * With a bug planted, the trace follows the program's (buggy) chain rule: the epoch ends where
     * training with the bug ends it, the formulas stay the right ones, and somewhere their numbers
     * stop adding up (the point of tracing in a bug hunt).
     */
    @Property(tries = 60)
    void aPlantedBugIsTracedAsTheProgramRunsIt(@ForAll org.backproplab.grad.PlantedBug bug,
                                               @ForAll @IntRange(min = 1, max = 3) int hidden,
                                               @ForAll @IntRange(min = 0, max = 20) int epochsBefore) {
        Config c = Preset.TEXTBOOK.defaults().withHidden(hidden).withPlantedBug(bug);
        Training t = new Training(c);
        t.run(epochsBefore);
        EpochTrace trace = EpochTrace.of(c, t.parameters());
        t.step();
        assertThat(trace.after()).containsExactly(t.parameters());
    }

    /**
     * Hand-worked: the textbook start (θ from numpy's rand with seed 1), row (0,1): z_h1 = 0·0.417022
     * + 1·0.000114375 + 0.146756 = 0.146870; a_h1 = σ(0.146870) = 0.536652.
     */
    @Test
    void theForwardStepsOfOneRowByHand() {
        Config c = Preset.TEXTBOOK.defaults();
        double[] theta = c.initialParameters();
        EpochTrace trace = EpochTrace.of(c, theta);
        EpochTrace.Step z = trace.steps().stream().filter(s -> s.row() == 1 && s.quantity().equals("z_h1")).findFirst()
                .orElseThrow();
        double w2 = theta[2];
        double b = theta[4];
        assertThat(z.value()).isEqualTo(w2 + b);
        assertThat(z.formula()).isEqualTo("z_h1 = x1*w_x1_h1 + x2*w_x2_h1 + b_h1 = 0*0.417022 + 1*0.000114375 + 0.146756"
                + " = 0.146870");
        EpochTrace.Step a = trace.steps().get(trace.steps().indexOf(z) + 1);
        assertThat(a.quantity()).isEqualTo("a_h1");
        assertThat(a.value()).isCloseTo(1 / (1 + Math.exp(-(w2 + b))), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(a.formula()).endsWith("= 0.536652"); // python: 1/(1+exp(-0.14687026563445793)) = 0.53665170...
        // the chain rule: one forward and one backward pass; numeric one-sided: 1 + P forward passes
        assertThat(trace.forwardPasses()).isEqualTo(1);
        assertThat(EpochTrace.of(c.withMethod(Method.NUMERIC), theta).forwardPasses()).isEqualTo(10);
        assertThat(EpochTrace.of(c.withMethod(Method.NUMERIC).withDifference(Difference.CENTRAL), theta).forwardPasses())
                .isEqualTo(19);
    }
}
