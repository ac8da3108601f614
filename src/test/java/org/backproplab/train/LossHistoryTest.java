package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LossHistoryTest {

    @Test
    void keepsEveryEpochUntilFull() {
        LossHistory h = new LossHistory(8);
        for (int i = 1; i <= 5; i++) h.add(i);
        LossHistory.Points p = h.points();
        assertThat(p.values()).containsExactly(1, 2, 3, 4, 5);
        assertThat(p.stride()).isEqualTo(1);
        assertThat(p.lowest()).isEqualTo(1);
    }

    @Test
    void mergesPairsWhenFull() {
        LossHistory h = new LossHistory(4);
        for (int i = 1; i <= 5; i++) h.add(i); // 1,2,3,4 fill it; 5 merges to (1.5, 3.5) then adds a bucket
        LossHistory.Points p = h.points();
        assertThat(p.stride()).isEqualTo(2);
        assertThat(p.values()).containsExactly(1.5, 3.5, 5.0); // the last bucket is partly filled (5 alone)
        h.add(7);
        assertThat(h.points().values()).containsExactly(1.5, 3.5, 6.0);
    }

    @Test
    void memoryStaysBoundedOverMillionsOfEpochs() {
        LossHistory h = new LossHistory();
        for (int i = 0; i < 3_000_000; i++) h.add(1.0 / (1 + i));
        LossHistory.Points p = h.points();
        assertThat(p.size()).isLessThanOrEqualTo(LossHistory.DEFAULT_CAPACITY + 1);
        assertThat(p.epochs()).isEqualTo(3_000_000);
        assertThat(p.lowest()).isEqualTo(1.0 / 3_000_000);
        assertThat(p.value(0)).isGreaterThan(p.value(p.size() - 1));
    }

    @Test
    void nonFiniteLossIsNoPoint() {
        LossHistory h = new LossHistory(4);
        h.add(0.5);
        h.add(Double.NaN);
        h.add(Double.POSITIVE_INFINITY);
        assertThat(h.points().values()).containsExactly(0.5);
        h.clear();
        assertThat(h.points().size()).isZero();
        assertThat(h.points().lowest()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /**
     * The loss on screen is one epoch past the last step's: plus adds it as the newest epoch,
     * joining the bucket being filled (with its range and the epochs it covers), and leaves the
     * history itself as it was; a NaN adds nothing, so the lowest stays the lowest finite loss.
     */
    @Test
    void plusAddsTheEpochOnScreen() {
        LossHistory h = new LossHistory(4);
        for (int i = 1; i <= 5; i++) h.add(i); // (1.5, 3.5) and 5 alone in the bucket being filled
        LossHistory.Points p = h.points().plus(0.5);
        assertThat(p.values()).containsExactly(1.5, 3.5, 2.75); // (5 + 0.5) / 2
        assertThat(p.low(2)).isEqualTo(0.5);
        assertThat(p.high(2)).isEqualTo(5);
        assertThat(p.epochs()).isEqualTo(6);
        assertThat(p.lowest()).isEqualTo(0.5);
        assertThat(h.points().values()).containsExactly(1.5, 3.5, 5.0);
        // with no bucket being filled, the epoch on screen starts one of its own
        LossHistory one = new LossHistory(4);
        one.add(0.280144);
        assertThat(one.points().plus(0.5).values()).containsExactly(0.280144, 0.5);
        assertThat(LossHistory.Points.empty().plus(0.7).values()).containsExactly(0.7);
        // a diverged run: the NaN on screen is no point, and the lowest is the first loss
        LossHistory diverged = new LossHistory(4);
        diverged.add(17.2694);
        LossHistory.Points d = diverged.points().plus(Double.NaN);
        assertThat(d.values()).containsExactly(17.2694);
        assertThat(d.lowest()).isEqualTo(17.2694);
    }

    /** A view shares the history's array: epochs, merges and a restart after it must not change what it shows. */
    @Test
    void aViewStaysAsItWasWhenMade() {
        LossHistory h = new LossHistory(4);
        h.add(1);
        h.add(2);
        h.add(3);
        LossHistory.Points before = h.points();
        h.add(4); // fills the array
        h.add(5); // merges pairs: (1.5, 3.5), then 5 pending
        LossHistory.Points merged = h.points();
        for (int i = 6; i <= 20; i++) h.add(i);
        h.clear();
        h.add(9);
        assertThat(before.values()).containsExactly(1, 2, 3);
        assertThat(before.stride()).isEqualTo(1);
        assertThat(merged.values()).containsExactly(1.5, 3.5, 5.0);
        assertThat(merged.stride()).isEqualTo(2);
        assertThat(h.points().values()).containsExactly(9);
    }

    @Test
    void readingPastTheEndIsAnError() {
        LossHistory h = new LossHistory(4);
        h.add(1);
        LossHistory.Points p = h.points();
        h.add(2);
        assertThat(p.size()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.value(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Merging keeps the mean: points weighted by the epochs they cover average to the mean of all losses. */
    @Property(tries = 50)
    void meanIsKept(@ForAll @IntRange(min = 1, max = 5000) int n) {
        LossHistory h = new LossHistory(16);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double loss = Math.sin(i) + 2;
            h.add(loss);
            sum += loss;
        }
        LossHistory.Points p = h.points();
        double weighted = 0;
        for (int i = 0; i < p.size(); i++) {
            long covers = i < p.size() - 1 ? p.stride() : n - p.stride() * (p.size() - 1);
            weighted += p.value(i) * covers;
        }
        assertThat(weighted).isCloseTo(sum, within(1e-9 * n));
        assertThat(p.size()).isLessThanOrEqualTo(16);
    }

    /** Each point also keeps the lowest and highest epoch it covers, through merges and the partial bucket. */
    @Test
    void eachPointKnowsItsRange() {
        LossHistory h = new LossHistory(4);
        for (double loss : new double[] {5, 1, 4, 2, 9}) h.add(loss); // (5,1),(4,2) merge; 9 pending
        LossHistory.Points p = h.points();
        assertThat(p.values()).containsExactly(3, 3, 9);
        assertThat(new double[] {p.low(0), p.low(1), p.low(2)}).containsExactly(1, 2, 9);
        assertThat(new double[] {p.high(0), p.high(1), p.high(2)}).containsExactly(5, 4, 9);
        h.add(0.5);
        assertThat(h.points().low(2)).isEqualTo(0.5);
        assertThat(h.points().high(2)).isEqualTo(9);
        assertThat(p.low(2)).isEqualTo(9); // the older view is unchanged
    }

    /** However many epochs a point holds, the highest over all points is the highest epoch's loss. */
    @Property(tries = 50)
    void theHighestAndLowestEpochsSurviveEveryMerge(@ForAll @IntRange(min = 1, max = 5000) int n) {
        LossHistory h = new LossHistory(16);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double loss = Math.sin(i * 0.37) + 2 + (i == n / 3 ? 10 : 0); // one spike
            h.add(loss);
            max = Math.max(max, loss);
            min = Math.min(min, loss);
        }
        LossHistory.Points p = h.points();
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.low(i)).isLessThanOrEqualTo(p.value(i));
            assertThat(p.high(i)).isGreaterThanOrEqualTo(p.value(i));
            highest = Math.max(highest, p.high(i));
            lowest = Math.min(lowest, p.low(i));
        }
        assertThat(highest).isEqualTo(max);
        assertThat(lowest).isEqualTo(min);
    }
}
