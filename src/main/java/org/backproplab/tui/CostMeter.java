package org.backproplab.tui;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.backproplab.train.Bench;
import org.backproplab.train.Config;

/**
 * Runs the cost view's measurements (a short {@link Bench} of the three methods, about half a
 * second of both cores' worth of work) in the background, at most {@code parallel} at once; the
 * others wait their turn. A local lab has one of its own; the class server gives all its labs one,
 * so a room of learners pressing {@code c} cannot run a benchmark each at the same time. Its
 * threads end when there is nothing to measure.
 */
public final class CostMeter implements AutoCloseable {
    /** The cost view's measurement: short, so it shows within about a second. */
    static final long WARMUP_NANOS = 150_000_000L;
    static final int BATCHES = 5;
    static final long BATCH_NANOS = 50_000_000L;

    private final ThreadPoolExecutor pool;

    public CostMeter(int parallel) {
        pool = new ThreadPoolExecutor(parallel, parallel, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "cost-bench");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Measures {@code config}'s architecture when its turn comes, unless {@code wanted} says by then
     * that nobody looks any more; {@code done} gets the figures, or null when there are none.
     */
    void measure(Config config, BooleanSupplier wanted, Consumer<CostFigures> done) {
        pool.execute(() -> {
            CostFigures figures = null;
            try {
                if (wanted.getAsBoolean()) {
                    figures = new CostFigures(config.architecture(), Bench.all(config, WARMUP_NANOS, BATCHES, BATCH_NANOS));
                }
            } catch (RuntimeException e) {
                // no figures: the view keeps saying it is measuring, and the passes still stand
            } finally {
                done.accept(figures);
            }
        });
    }

    /** Measurements waiting for their turn (tests). */
    int waiting() {
        return pool.getQueue().size();
    }

    /** Measurements running now (tests). */
    int running() {
        return pool.getActiveCount();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
