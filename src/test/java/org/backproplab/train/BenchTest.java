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
        assertThat(r.ratio(r.numericForward())).isEqualTo(r.numericForward().nsPerEpoch() / r.chain().nsPerEpoch());
        assertThat(r.chain().epochsPerSecond()).isEqualTo(1e9 / r.chain().nsPerEpoch());
    }

    @Test
    void medianOfBatches() {
        Bench.Result odd = new Bench.Result(Method.CHAIN, org.backproplab.grad.Difference.FORWARD, new double[] {5, 1, 3});
        assertThat(odd.nsPerEpoch()).isEqualTo(3);
        Bench.Result even = new Bench.Result(Method.CHAIN, org.backproplab.grad.Difference.FORWARD, new double[] {4, 1, 3, 100});
        assertThat(even.nsPerEpoch()).isEqualTo(3.5);
    }
}
