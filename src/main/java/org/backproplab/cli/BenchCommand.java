package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.grad.Difference;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: what one epoch costs by each way of getting the gradient. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Time one epoch of each gradient method.",
        description = {
            "Time one training epoch by each method on this machine: the chain rule (one forward and one"
                    + " backward pass), the numeric gradient with one-sided differences (1 + P forward passes"
                    + " for P parameters) and with central differences (2P forward passes).",
            "Each method is warmed up first (so the JIT has compiled it), then timed in batches; the figure"
                    + " is the median batch."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "1.0", converter = ConfigOptions.NumberConverter.class,
            description = "Warm-up time in total, shared by the three methods, 0..60 (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "5",
            description = "Timed batches per method, 1..100 (default: ${DEFAULT-VALUE}); the median is reported.")
    int batches;

    @Option(names = "--batch-time", paramLabel = "SECONDS", defaultValue = "0.2", converter = ConfigOptions.NumberConverter.class,
            description = "About how long each batch runs, 0.001..10 (default: ${DEFAULT-VALUE}).")
    double batchTime;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Format.TableOrJson.class,
            completionCandidates = Format.TableOrJson.class,
            description = "Output: ${COMPLETION-CANDIDATES} (default: table).")
    Format format;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    /** One method's timing: ns per epoch of each batch, and their median. */
    record Timing(String key, String title, Method method, Difference difference, double[] batchNs) {
        double nsPerEpoch() {
            double[] s = batchNs.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        double epochsPerSecond() {
            return 1e9 / nsPerEpoch();
        }
    }

    @Override
    public Integer call() {
        if (!(warmup >= 0 && warmup <= 60)) {
            throw new Errors.UsageException("--warmup must be 0..60 seconds, got " + warmup);
        }
        if (batches < 1 || batches > 100) {
            throw new Errors.UsageException("--batches must be 1..100, got " + batches);
        }
        if (!(batchTime >= 0.001 && batchTime <= 10)) {
            throw new Errors.UsageException("--batch-time must be 0.001..10 seconds, got " + batchTime);
        }
        Config config = options.toConfig();
        long warmupNanos = (long) (warmup * 1e9 / 3);
        long batchNanos = (long) (batchTime * 1e9);
        List<Timing> timings = List.of(
                time(config, "chain", "chain rule", Method.CHAIN, config.difference(), warmupNanos, batchNanos),
                time(config, "numericForward", "numeric, one-sided", Method.NUMERIC, Difference.FORWARD,
                        warmupNanos, batchNanos),
                time(config, "numericCentral", "numeric, central", Method.NUMERIC, Difference.CENTRAL,
                        warmupNanos, batchNanos));

        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.JSON) {
            out.print(Json.write(json(config, timings)));
        } else {
            table(out, config, timings);
        }
        out.flush();
        return 0;
    }

    /**
     * The one measuring loop: trains for {@code warmupNanos} (estimating the cost of an epoch), then
     * times {@code batches} batches sized to take about {@code batchNanos} each. Training is real;
     * a run that diverges starts again from its starting parameters.
     */
    private Timing time(Config config, String key, String title, Method method, Difference difference,
                        long warmupNanos, long batchNanos) {
        Config c = config.withMethod(method).withDifference(difference);
        Training training = new Training(c);
        long epochs = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            training = fresh(training, c);
            epochs += training.run(1024);
            elapsed = System.nanoTime() - start;
        } while (elapsed < warmupNanos);
        long perBatch = Math.max(1, (long) ((double) batchNanos * epochs / Math.max(1, elapsed)));
        double[] ns = new double[batches];
        for (int b = 0; b < batches; b++) {
            long done = 0;
            long t0 = System.nanoTime();
            while (done < perBatch) {
                training = fresh(training, c);
                done += training.run(perBatch - done);
            }
            ns[b] = (double) (System.nanoTime() - t0) / perBatch;
        }
        return new Timing(key, title, method, difference, ns);
    }

    private static Training fresh(Training t, Config c) {
        return t.diverged() ? new Training(c) : t;
    }

    private Map<String, Object> json(Config config, List<Timing> timings) {
        Map<String, Object> m = new LinkedHashMap<>();
        double chain = timings.get(0).nsPerEpoch();
        for (Timing t : timings) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("nsPerEpoch", t.nsPerEpoch());
            e.put("epochsPerSecond", t.epochsPerSecond());
            e.put("ratioToChain", t.nsPerEpoch() / chain);
            e.put("forwardPassesPerEpoch", t.method() == Method.CHAIN ? 1
                    : t.difference().passesPerGradient(config.architecture().parameterCount()));
            e.put("batchesNsPerEpoch", Arrays.stream(t.batchNs()).boxed().toList());
            m.put(t.key(), e);
        }
        m.put("warmupSeconds", warmup);
        m.put("batches", batches);
        Map<String, Object> c = Describe.json(config, options.preset());
        c.remove("method");
        m.put("config", c);
        return m;
    }

    private void table(PrintWriter out, Config config, List<Timing> timings) {
        int p = config.architecture().parameterCount();
        out.println("network   " + Describe.network(config) + ", " + p + " parameters");
        out.println("timing    warm-up " + Fmt.plain(warmup) + " s in total, then the median of " + batches
                + " batches of about " + Fmt.plain(batchTime) + " s per method");
        out.println();
        String row = "%-20s %12s %16s %10s  %s%n";
        out.printf(row, "method", "ns per epoch", "epochs per s", "x chain", "work per epoch");
        double chain = timings.get(0).nsPerEpoch();
        for (Timing t : timings) {
            String work = t.method() == Method.CHAIN ? "1 forward + 1 backward pass"
                    : t.difference().passesPerGradient(p) + " forward passes";
            out.printf(row, t.title(), Fmt.grouped(t.nsPerEpoch(), 1), Fmt.count(Math.round(t.epochsPerSecond())),
                    Fmt.fixed(t.nsPerEpoch() / chain, 1), work);
        }
        out.println();
        out.println("x chain = how many chain-rule epochs cost as much as one epoch of that method");
    }
}
