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
import java.util.concurrent.atomic.AtomicInteger;
import org.backproplab.io.Json;
import org.backproplab.nn.Forward;
import org.backproplab.train.Config;
import org.backproplab.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweep}: trains many seeds in parallel and counts how many learn the gate. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Train many seeds on all cores; count how many learn the gate.",
        description = {
            "Train seeds 0..N-1 (each its own starting weights) for E epochs on all cores, and report how many"
                    + " learned the gate (every output within 0.1 of its target), where the others got stuck"
                    + " (grouped by final loss), and the time taken."})
public final class SweepCommand implements Callable<Integer> {
    static final int MAX_SEEDS = 1_000_000;
    /** Stuck groups listed in the table; the rest are summed up in one line. */
    private static final int GROUPS_SHOWN = 8;
    private static final int EXAMPLE_SEEDS = 6;

    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
            description = "How many seeds: 0..N-1, N from 1 to " + MAX_SEEDS + " (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "100000",
            description = "Epochs per seed, >= 0 (default: ${DEFAULT-VALUE}).")
    long epochs;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1..256 (default: one per core).")
    Integer threads;

    @Mixin
    Format.TableOrJsonOption output = new Format.TableOrJsonOption();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    /** How one seed ended. */
    record Outcome(long seed, double loss, boolean learned, boolean diverged) {
    }

    /** Stuck runs that ended at the same loss (rounded to 4 decimals). */
    record Group(String loss, List<Long> seeds) {
    }

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

        long start = System.nanoTime();
        Outcome[] outcomes = run(base, seeds, epochs, t);
        double seconds = (System.nanoTime() - start) / 1e9;

        int learned = 0;
        int diverged = 0;
        Map<String, List<Long>> byLoss = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.learned()) {
                learned++;
            } else if (o.diverged()) {
                diverged++;
            } else {
                byLoss.computeIfAbsent(Fmt.fixed(o.loss(), 4), k -> new ArrayList<>()).add(o.seed());
            }
        }
        List<Group> groups = new ArrayList<>();
        byLoss.forEach((loss, s) -> groups.add(new Group(loss, s)));
        groups.sort(Comparator.comparingInt((Group g) -> -g.seeds().size()));

        PrintWriter out = spec.commandLine().getOut();
        if (output.format == Format.JSON) {
            out.print(Json.write(json(base, learned, diverged, groups, seconds, t)));
        } else {
            table(out, base, learned, diverged, groups, seconds, t);
        }
        out.flush();
        return 0;
    }

    /** Trains seeds 0..n-1 on a fixed pool of {@code threads} workers, each taking the next seed in turn. */
    static Outcome[] run(Config base, int n, long epochs, int threads) throws InterruptedException {
        Outcome[] outcomes = new Outcome[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "sweep-worker");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        Training training = new Training(base.withSeed(i));
                        training.run(epochs);
                        Forward f = training.forward();
                        outcomes[i] = new Outcome(i, f.loss, Training.learned(f, base.dataset()), training.diverged());
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private Map<String, Object> json(Config base, int learned, int diverged, List<Group> groups, double seconds,
                                     int t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seeds", seeds);
        m.put("epochs", epochs);
        m.put("learned", learned);
        m.put("seconds", seconds);
        m.put("threads", t);
        m.put("diverged", diverged);
        m.put("stuck", seeds - learned - diverged);
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

    private void table(PrintWriter out, Config base, int learned, int diverged, List<Group> groups, double seconds,
                       int t) {
        int stuck = seeds - learned - diverged;
        out.println("network   " + Describe.network(base));
        out.println("training  " + Describe.method(base) + ", learning rate " + Fmt.plain(base.learningRate())
                + ", " + Fmt.count(epochs) + " epochs per seed");
        out.println("seeds     0.." + (seeds - 1) + " (" + base.initScheme().id() + " draws)");
        out.println();
        out.println("learned   " + learned + " of " + seeds + " (" + Fmt.fixed(100.0 * learned / seeds, 1)
                + "%): every output within " + Training.LEARNED_TOLERANCE + " of its target");
        out.println("stuck     " + stuck + (stuck == 0 ? "" : ", grouped by final loss (rounded to 4 decimals):"));
        int shown = 0;
        for (Group g : groups) {
            if (shown++ == GROUPS_SHOWN) {
                int rest = groups.stream().skip(GROUPS_SHOWN).mapToInt(x -> x.seeds().size()).sum();
                out.println("          ... and " + rest + " more in " + (groups.size() - GROUPS_SHOWN)
                        + " other groups");
                break;
            }
            List<Long> s = g.seeds();
            String examples = s.stream().limit(EXAMPLE_SEEDS).map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + (s.size() > EXAMPLE_SEEDS ? ", ..." : "");
            out.printf("          loss %s: %6d run%s  (seed%s %s)%n", g.loss(), s.size(), s.size() == 1 ? " " : "s",
                    s.size() == 1 ? "" : "s", examples);
        }
        if (diverged > 0) {
            out.println("diverged  " + diverged + " (a NaN or infinite loss or parameter: try a smaller --lr)");
        }
        double total = (double) seeds * epochs;
        out.println("time      " + Fmt.seconds(seconds) + " s on " + t + " thread" + (t == 1 ? "" : "s")
                + (seconds > 0 && epochs > 0 ? " (" + Fmt.sig(total / seconds / 1e6, 3) + " million epochs per second)" : ""));
    }
}
