package org.backproplab.train;

import java.util.Locale;

/**
 * The speed ladder: epochs per second from 1 to 100,000 in steps of about ×3, then "max" (as fast
 * as the machine goes). Slow rungs let a learner follow single epochs; max shows where training ends.
 */
public enum Speed {
    S1(1), S3(3), S10(10), S30(30), S100(100), S300(300), S1K(1_000), S3K(3_000), S10K(10_000),
    S30K(30_000), S100K(100_000), MAX(0);

    public static final Speed DEFAULT = S1K;

    private final long epochsPerSecond;
    private final String label;

    Speed(long epochsPerSecond) {
        this.epochsPerSecond = epochsPerSecond;
        this.label = epochsPerSecond == 0 ? "max" : String.format(Locale.ROOT, "%,d/s", epochsPerSecond);
    }

    public boolean isMax() {
        return this == MAX;
    }

    /** The target rate; 0 for {@link #MAX}. */
    public long epochsPerSecond() {
        return epochsPerSecond;
    }

    /** {@code rungs} steps up (positive) or down, stopping at either end. */
    public Speed shift(int rungs) {
        Speed[] all = values();
        int i = Math.max(0, Math.min(all.length - 1, ordinal() + rungs));
        return all[i];
    }

    /** "1,000/s" or "max". */
    public String label() {
        return label;
    }
}
