package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.backproplab.format.Numbers;
import org.backproplab.io.Json;
import org.backproplab.nn.Forward;
import org.backproplab.train.Config;
import org.backproplab.train.Outcome;
import org.backproplab.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: trains many seeds in parallel and counts how many learn the gate. */
@Command(name = "sweep",
        header = "Train many seeds on all cores; count how many learn the gate.",
        description = {
            "Train seeds 0..N-1 (each its own starting weights) for E epochs on all cores, and report how many"
                    + " learned the gate (every output within 0.1 of its target), which got stuck (not learned, and"
                    + " no 0.1%% better loss in their last 5,000 epochs; grouped by final loss), which were still"
                    + " learning when the epochs ran out, and which diverged; and the time taken. Each seed's result is"
                    + " what train gives for that seed.",
            "In a terminal it shows its progress on stderr; Ctrl-C stops it with a report of the seeds done so far"
                    + " (exit code 130)."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final int MAX_SEEDS = 1_000_000;
    /** Epochs a worker trains between two looks at whether the sweep should stop (about a millisecond). */
    private static final long CHUNK = 4096;
    /** Stuck groups listed in the table; the rest are summed up in one line. */
    private static final int GROUPS_SHOWN = 8;
    private static final int EXAMPLE_SEEDS = 6;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
            description = "How many seeds: 0..N-1, N from 1 to " + MAX_SEEDS + " (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "100000",
            description = "Epochs per seed, >= 0 (default: ${DEFAULT-VALUE}).")
    long epochs;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1..256 (default: one per core).")
    Integer threads;

    /** How one seed ended. */
    record Result(long seed, double loss, Outcome outcome) {
    }

    /** Stuck runs that ended at the same loss (rounded to 4 decimals). */
    record Group(String loss, List<Long> seeds) {
    }

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() throws InterruptedException {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new Errors.UsageException("--seeds must be 1.." + MAX_SEEDS + ", got " + seeds);
        }
        if (epochs < 0) {
            throw new Errors.UsageException("--epochs must be >= 0, got " + epochs);
        }
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1 || t > 256) {
            throw new Errors.UsageException("--threads must be 1..256, got " + t);
        }
        if (options.initFile != null) {
            throw new Errors.UsageException("--init does not apply to sweep: every seed draws its own start");
        }
        if (options.seed != null) {
            throw new Errors.UsageException("--seed does not apply to sweep: it trains seeds 0..N-1 (see --seeds)");
        }
        Config base = options.toConfig();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        long start = System.nanoTime();
        Progress progress = new Progress(System.console() != null ? err : null, seeds, start);
        try (StopRequest stop = StopRequest.onSignals()) {
            Sweep sweep = new Sweep(base, seeds, epochs);
            Result[] results = sweep.run(t, () -> {
                progress.show(sweep.done());
                return stop.requested();
            });
            progress.clear();
            stoppedBy = stop.what();
            report(out, base, results, (System.nanoTime() - start) / 1e9, t, stop.requested());
            return stop.exitCode();
        }
    }

    /** What stopped the sweep early ("Ctrl-C (SIGINT)", "SIGTERM"), or null. */
    private String stoppedBy;

    private void report(PrintWriter out, Config base, Result[] results, double seconds, int t, boolean interrupted) {
        int done = 0;
        int[] counts = new int[Outcome.values().length];
        Map<String, List<Long>> byLoss = new TreeMap<>();
        for (Result o : results) {
            if (o == null) {
                continue;
            }
            done++;
            counts[o.outcome().ordinal()]++;
            if (o.outcome() == Outcome.STUCK) {
                byLoss.computeIfAbsent(Numbers.fixed(o.loss(), 4), k -> new ArrayList<>()).add(o.seed());
            }
        }
        List<Group> groups = new ArrayList<>();
        byLoss.forEach((loss, s) -> groups.add(new Group(loss, s)));
        groups.sort(Comparator.comparingInt((Group g) -> -g.seeds().size()));

        if (options.format == Format.JSON) {
            Map<String, Object> m = json(base, counts, groups, seconds, t);
            if (interrupted) {
                m.put("interrupted", true);
                m.put("seedsDone", done);
            }
            out.print(Json.write(m));
        } else {
            table(out, base, counts, groups, seconds, t, interrupted ? done : -1);
        }
        out.flush();
    }

    /** The sweep's workers and what they have done: seeds 0..n-1, each trained for the same epochs. */
    static final class Sweep {
        private final Config base;
        private final int n;
        private final long epochs;
        private final Result[] results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile boolean stop;

        Sweep(Config base, int n, long epochs) {
            this.base = base;
            this.n = n;
            this.epochs = epochs;
            this.results = new Result[n];
        }

        /** Seeds finished so far. */
        int done() {
            return done.get();
        }

        /**
         * Trains the seeds on a fixed pool of {@code threads} workers, each taking the next seed in
         * turn, and asks {@code shouldStop} about every 0.2 s until they are done. When it says yes,
         * the workers drop the seeds they are on: the results are those of the seeds that finished
         * (null for the others), each exactly what {@code train} gives for that seed.
         */
        Result[] run(int threads, java.util.function.BooleanSupplier shouldStop) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "sweep-worker");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    workers.add(pool.submit(this::work));
                }
                for (Future<?> f : workers) {
                    while (true) {
                        try {
                            f.get(200, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException e) {
                            if (shouldStop.getAsBoolean()) {
                                stop = true;
                            }
                        }
                    }
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a sweep worker failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
            return results.clone();
        }

        private void work() {
            for (int i = next.getAndIncrement(); i < n && !stop; i = next.getAndIncrement()) {
                Training training = new Training(base.withSeed(i));
                while (training.epoch() < epochs && !training.diverged() && !stop) {
                    training.run(Math.min(CHUNK, epochs - training.epoch()));
                }
                if (stop) {
                    return;
                }
                Forward f = training.forward();
                results[i] = new Result(i, f.loss, Outcome.of(f, base.dataset(), training.diverged(),
                        training.epochsSinceImprovement()));
                done.incrementAndGet();
            }
        }
    }

    /** Trains seeds 0..n-1 on {@code threads} workers to the end (see {@link Sweep#run}). */
    static Result[] run(Config base, int n, long epochs, int threads) throws InterruptedException {
        return new Sweep(base, n, epochs).run(threads, () -> false);
    }


    /** The progress line on stderr in a terminal: seeds done, the rate, the time left. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final long start;
        private boolean shown;

        /** {@code err} null: no terminal, nothing shown. */
        Progress(PrintWriter err, int total, long start) {
            this.err = err;
            this.total = total;
            this.start = start;
        }

        void show(int done) {
            if (err == null) {
                return;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = done / seconds;
            String left = done == 0 ? "" : ", about " + Numbers.count(Math.round((total - done) / rate)) + " s left";
            err.print("\rsweep: " + Numbers.count(done) + " of " + Numbers.count(total) + " seeds, "
                    + Numbers.sig(rate, 3) + " seeds/s" + left + "   ");
            err.flush();
            shown = true;
        }

        void clear() {
            if (shown) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }

    private Map<String, Object> json(Config base, int[] counts, List<Group> groups, double seconds, int t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds", seeds);
        m.put("epochs", epochs);
        m.put("learned", counts[Outcome.LEARNED.ordinal()]);
        m.put("seconds", seconds);
        m.put("threads", t);
        m.put("diverged", counts[Outcome.DIVERGED.ordinal()]);
        m.put("stuck", counts[Outcome.STUCK.ordinal()]);
        m.put("stillLearning", counts[Outcome.LEARNING.ordinal()]);
        Map<String, Object> config = Describe.json(base, options.preset());
        config.remove("seed");
        m.put("config", config);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("loss", Double.parseDouble(g.loss()));
            e.put("count", g.seeds().size());
            e.put("seeds", g.seeds());
            list.add(e);
        }
        m.put("stuckByLoss", list);
        return m;
    }

    /** The table; {@code done} is the seeds done when Ctrl-C stopped the sweep early, else −1. */
    private void table(PrintWriter out, Config base, int[] counts, List<Group> groups, double seconds, int t, int done) {
        int learned = counts[Outcome.LEARNED.ordinal()];
        int stuck = counts[Outcome.STUCK.ordinal()];
        int learning = counts[Outcome.LEARNING.ordinal()];
        int diverged = counts[Outcome.DIVERGED.ordinal()];
        out.println(Describe.networkLines(base, ""));
        out.println("training  " + Describe.method(base) + ", learning rate " + Numbers.setting(base.learningRate())
                + ", " + Numbers.count(epochs, "epoch") + " per seed");
        out.println((seeds == 1 ? "seed      0 (a " + base.initScheme().id() + " draw)"
                : "seeds     0.." + (seeds - 1) + " (" + base.initScheme().id() + " draws)"));
        int of = seeds;
        if (done >= 0) {
            out.println("stopped   by " + stoppedBy + " after " + done + " of " + seeds + " seeds: what follows counts those "
                    + done);
            of = done;
        }
        out.println();
        out.println("learned   " + learned + " of " + of + " (" + (of == 0 ? "-" : Numbers.fixed(100.0 * learned / of, 1))
                + "%): " + Outcome.LEARNED_RULE);
        out.println("stuck     " + stuck + " (" + Outcome.STUCK_RULE + ")"
                + (stuck == 0 ? "" : ", grouped by final loss (rounded to 4 decimals):"));
        int shown = 0;
        for (Group g : groups) {
            if (shown++ == GROUPS_SHOWN) {
                int rest = groups.stream().skip(GROUPS_SHOWN).mapToInt(x -> x.seeds().size()).sum();
                int others = groups.size() - GROUPS_SHOWN;
                out.println("          ... and " + rest + " more in " + others + (others == 1 ? " other group" : " other groups"));
                break;
            }
            List<Long> s = g.seeds();
            String examples = s.stream().limit(EXAMPLE_SEEDS).map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + (s.size() > EXAMPLE_SEEDS ? ", ..." : "");
            out.printf("          loss %s: %6d run%s  (seed%s %s)%n", g.loss(), s.size(), s.size() == 1 ? " " : "s",
                    s.size() == 1 ? "" : "s", examples);
        }
        if (learning > 0 && epochs == 0) {
            out.println("untrained " + learning + " not learned at their start: --epochs 0 trains none of them");
        } else if (learning > 0) {
            out.println("learning  " + learning + " not learned yet when the " + Numbers.count(epochs, "epoch") + " ran out: "
                    + TrainCommand.stillLearning(epochs) + "; more --epochs may learn them");
        }
        if (diverged > 0) {
            out.println("diverged  " + diverged + " (a NaN or infinite loss or parameter: try a smaller --lr)");
        }
        double total = (double) of * epochs;
        double perSecond = total / seconds;
        out.println("time      " + Numbers.seconds(seconds) + " s on " + t + " thread" + (t == 1 ? "" : "s")
                + (seconds > 0 && epochs > 0 ? " (" + (perSecond >= 1e6 ? Numbers.sig(perSecond / 1e6, 3) + " million"
                        : Numbers.count(Math.round(perSecond))) + " epochs per second)" : ""));
    }
}
