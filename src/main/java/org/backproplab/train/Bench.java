package org.backproplab.train;

import java.util.Arrays;
import org.backproplab.grad.Difference;

/**
 * Measures what one training epoch costs by each method on this machine: train for a warm-up
 * time (so the JIT has compiled the loop, and to learn roughly what an epoch costs), then time a
 * few batches of epochs sized to take about {@code batchNanos} each; the figure is the median
 * batch, which shrugs off a batch slowed by another process. A plain static API, for the
 * {@code bench} command and the cost view (with {@link Cost} for the passes per epoch).
 *
 * <p>Training is real: θ moves as it would. A run that diverges starts again from its starting
 * parameters (only absurd learning rates diverge; the clock keeps running).
 */
public final class Bench {
    public static final long DEFAULT_WARMUP_NANOS = 300_000_000L;
    public static final int DEFAULT_BATCHES = 5;
    public static final long DEFAULT_BATCH_NANOS = 200_000_000L;

    private Bench() {
    }

    /** One method's figures: ns per epoch of each timed batch. */
    public record Result(Method method, Difference difference, double[] batchNsPerEpoch) {
        public Result {
            batchNsPerEpoch = batchNsPerEpoch.clone();
        }

        @Override
        public double[] batchNsPerEpoch() {
            return batchNsPerEpoch.clone();
        }

        /** The median batch. */
        public double nsPerEpoch() {
            double[] s = batchNsPerEpoch.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        public double epochsPerSecond() {
            return 1e9 / nsPerEpoch();
        }
    }

    /** The three figures the {@code bench} command prints. */
    public record Results(Result chain, Result numericForward, Result numericCentral) {
        /** How many chain-rule epochs cost as much as one epoch of {@code other}. */
        public double ratio(Result other) {
            return other.nsPerEpoch() / chain.nsPerEpoch();
        }
    }

    /** Chain rule, numeric one-sided and numeric central for {@code config}, with the default budgets. */
    public static Results all(Config config) {
        return all(config, DEFAULT_WARMUP_NANOS, DEFAULT_BATCHES, DEFAULT_BATCH_NANOS);
    }

    /** The three methods, each warmed up for {@code warmupNanos}, then timed in {@code batches} batches. */
    public static Results all(Config config, long warmupNanos, int batches, long batchNanos) {
        return new Results(
                measure(config, Method.CHAIN, config.difference(), warmupNanos, batches, batchNanos),
                measure(config, Method.NUMERIC, Difference.FORWARD, warmupNanos, batches, batchNanos),
                measure(config, Method.NUMERIC, Difference.CENTRAL, warmupNanos, batches, batchNanos));
    }

    public static Result measure(Config config, Method method, Difference difference, long warmupNanos,
                                 int batches, long batchNanos) {
        if (batches < 1) {
            throw new IllegalArgumentException("need at least one batch, got " + batches);
        }
        Config c = config.withMethod(method).withDifference(difference);
        Training training = new Training(c);
        long epochs = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            training = fresh(training, c);
            epochs += steps(training, 1024);
            elapsed = System.nanoTime() - start;
        } while (elapsed < warmupNanos);
        long perBatch = Math.max(1, (long) ((double) batchNanos * epochs / Math.max(1, elapsed)));
        double[] ns = new double[batches];
        for (int b = 0; b < batches; b++) {
            long done = 0;
            long t0 = System.nanoTime();
            while (done < perBatch) {
                training = fresh(training, c);
                done += steps(training, perBatch - done);
            }
            ns[b] = (double) (System.nanoTime() - t0) / perBatch;
        }
        return new Result(method, difference, ns);
    }

    /**
     * Up to n epochs, each computed: not {@link Training#run}, which counts without computing the
     * epochs after θ stands still. Stops early on divergence; returns the epochs run.
     */
    private static long steps(Training t, long n) {
        long done = 0;
        while (done < n && !t.diverged()) {
            t.step();
            done++;
        }
        return done;
    }

    private static Training fresh(Training t, Config c) {
        return t.diverged() ? new Training(c) : t;
    }
}
