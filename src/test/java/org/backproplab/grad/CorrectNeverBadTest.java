package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.backproplab.train.Training;
import org.junit.jupiter.api.Test;

/**
 * A correct network's gradient is never judged bad: not at the start, not while it trains, not
 * after 100,000 epochs; for either preset, every activation, both differences, ε from 1e-2 to 1e-8.
 */
class CorrectNeverBadTest {

    @Property(tries = 300)
    void neverBadOverRandomStarts(@ForAll Preset preset, @ForAll Activation activation, @ForAll Difference difference,
                                  @ForAll @IntRange(min = 1, max = 4) int hidden, @ForAll Dataset gate,
                                  @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                  @ForAll @DoubleRange(min = 2, max = 8) double minusLogEpsilon,
                                  @ForAll @IntRange(min = 0, max = 3000) int epochs) {
        Config c = preset.defaults().withHidden(hidden).withActivation(activation).withDataset(gate).withSeed(seed);
        Training t = new Training(c);
        t.run(epochs);
        double eps = Math.pow(10, -minusLogEpsilon);
        GradientCheck check = GradientCheck.at(new Network(c.architecture(), gate), t.parameters(), eps, difference);
        assertThat(check.entries()).as("%s after %d epochs, eps %s", c, epochs, eps)
                .noneMatch(e -> e.verdict() == GradientCheck.Verdict.BAD);
    }

    @Test
    void neverBadAfter100000Epochs() {
        for (Preset preset : Preset.values()) {
            for (Activation activation : Activation.values()) {
                Config c = preset.defaults().withActivation(activation);
                Training t = new Training(c);
                t.run(100_000);
                Network net = new Network(c.architecture(), c.dataset());
                for (Difference d : Difference.values()) {
                    for (int e = 2; e <= 8; e++) {
                        GradientCheck check = GradientCheck.at(net, t.parameters(), Math.pow(10, -e), d);
                        assertThat(check.entries()).as("%s %s eps 1e-%d", c, d, e)
                                .noneMatch(x -> x.verdict() == GradientCheck.Verdict.BAD);
                    }
                }
            }
        }
    }
}
