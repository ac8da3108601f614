package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTest {
    /**
     * Short budgets: every method is measured in the batches asked for. How the methods compare is
     * a matter of speed, which the bench command reports; a timed comparison here would be flaky on
     * a loaded machine, so none is asserted.
     */
    @Test
    void measuresEachMethod() {
        Bench.Results r = Bench.all(Preset.TEXTBOOK.defaults(), 20_000_000L, 3, 10_000_000L);
        assertThat(r.chain().batchNsPerEpoch()).hasSize(3);
        assertThat(r.chain().nsPerEpoch()).isPositive();
        assertThat(r.numericForward().nsPerEpoch()).isPositive();
        assertThat(r.numericForward().batchNsPerEpoch()).hasSize(3);
        assertThat(r.numericCentral().nsPerEpoch()).isPositive();
        assertThat(r.numericCentral().batchNsPerEpoch()).hasSize(3);
    }

    /** The figures from given batches, worked out by hand: a median, epochs per second, a ratio. */
    @Test
    void ratiosAndRatesFromKnownBatches() {
        var d = org.backproplab.grad.Difference.FORWARD;
        Bench.Result chain = new Bench.Result(Method.CHAIN, d, new double[] {110, 100, 400}); // median 110 ns
        Bench.Result numeric = new Bench.Result(Method.NUMERIC, d, new double[] {900, 880, 870}); // median 880 ns
        Bench.Results r = new Bench.Results(chain, numeric, numeric);
        assertThat(r.ratio(numeric)).isEqualTo(8.0);
        assertThat(chain.epochsPerSecond()).isCloseTo(9_090_909.09, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void medianOfBatches() {
        Bench.Result odd = new Bench.Result(Method.CHAIN, org.backproplab.grad.Difference.FORWARD, new double[] {5, 1, 3});
        assertThat(odd.nsPerEpoch()).isEqualTo(3);
        Bench.Result even = new Bench.Result(Method.CHAIN, org.backproplab.grad.Difference.FORWARD, new double[] {4, 1, 3, 100});
        assertThat(even.nsPerEpoch()).isEqualTo(3.5);
    }
}
