package org.backproplab.train;

import org.backproplab.grad.Difference;

/**
 * Measures the cost of one training epoch by each method: warm up (so the JIT has compiled the
 * loop), then time whole batches of epochs with {@link System#nanoTime} until a time budget is
 * spent. A plain static API, for the {@code bench} command and the cost view.
 *
 * <p>Training is real: θ moves as it would. A run that diverges is restarted from its starting
 * parameters (divergence only happens with absurd learning rates; the clock keeps running).
 */
public final class Bench {
    /** Budgets that give figures stable to a few percent on a quiet machine. */
    public static final long DEFAULT_WARMUP_NANOS = 300_000_000L;
    public static final long DEFAULT_MEASURE_NANOS = 700_000_000L;

    private Bench() {
    }

    /** One method's figure: {@code epochs} run in {@code nanos}. */
    public record Result(Method method, Difference difference, long epochs, long nanos) {
        public double nsPerEpoch() {
            return (double) nanos / epochs;
        }

        public double epochsPerSecond() {
            return epochs * 1e9 / nanos;
        }
    }

    /** The three figures the {@code bench} command prints. */
    public record Results(Result chain, Result numericForward, Result numericCentral) {
        /** How many chain-rule epochs cost as much as one numeric epoch of the given kind. */
        public double ratio(Result numeric) {
            return numeric.nsPerEpoch() / chain.nsPerEpoch();
        }
    }

    /** Chain rule, numeric forward and numeric central for {@code config}, with the default budgets. */
    public static Results all(Config config) {
        return all(config, DEFAULT_WARMUP_NANOS, DEFAULT_MEASURE_NANOS);
    }

    public static Results all(Config config, long warmupNanos, long measureNanos) {
        return new Results(
                measure(config, Method.CHAIN, config.difference(), warmupNanos, measureNanos),
                measure(config, Method.NUMERIC, Difference.FORWARD, warmupNanos, measureNanos),
                measure(config, Method.NUMERIC, Difference.CENTRAL, warmupNanos, measureNanos));
    }

    /** ns per epoch of one method: warm-up for {@code warmupNanos}, then timed for {@code measureNanos}. */
    public static Result measure(Config config, Method method, Difference difference,
                                 long warmupNanos, long measureNanos) {
        Config c = config.withMethod(method).withDifference(difference);
        Training training = new Training(c);
        // Batches of about a millisecond, so that reading the clock costs nothing measurable.
        long batch = method == Method.CHAIN ? 4096 : 4096 / (c.architecture().parameterCount() + 1) + 1;
        long epochs = 0;
        long start = System.nanoTime();
        long now = start;
        boolean warm = false;
        while (!warm || now - start < measureNanos) {
            if (training.diverged()) {
                training = new Training(c);
            }
            epochs += training.run(batch);
            now = System.nanoTime();
            if (!warm && now - start >= warmupNanos) {
                warm = true;
                epochs = 0;
                start = now;
            }
        }
        return new Result(method, difference, epochs, now - start);
    }
}
