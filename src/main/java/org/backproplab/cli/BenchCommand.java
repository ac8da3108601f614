package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.train.Bench;
import org.backproplab.train.Config;
import org.backproplab.train.Cost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: what one epoch costs by each way of getting the gradient. */
@Command(name = "bench",
        header = "Time one epoch of each gradient method.",
        description = {
            "Time one training epoch by each method on this machine: the chain rule (one forward and one"
                    + " backward pass), the numeric gradient with one-sided differences (1 + P forward passes"
                    + " for P parameters) and with central differences (2P + 1: the nudges, and L(w) for the loss shown).",
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

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        if (!(warmup >= 0 && warmup <= 60)) {
            throw new Errors.UsageException("--warmup must be 0..60 seconds, got " + Numbers.setting(warmup));
        }
        if (batches < 1 || batches > 100) {
            throw new Errors.UsageException("--batches must be 1..100, got " + batches);
        }
        if (!(batchTime >= 0.001 && batchTime <= 10)) {
            throw new Errors.UsageException("--batch-time must be 0.001..10 seconds, got " + Numbers.setting(batchTime));
        }
        Config config = options.toConfig();
        List<String> doubts = doubts();
        if (!doubts.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": warning: these figures are unreliable: " + String.join(" and ", doubts)
                    + "; the defaults are --warmup 1 --batches 5");
            err.flush();
        }
        Bench.Results results = Bench.all(config, (long) (warmup * 1e9 / 3), batches, (long) (batchTime * 1e9));
        List<Row> rows = List.of(
                new Row("chain", "chain rule", results.chain()),
                new Row("numericForward", "numeric, one-sided", results.numericForward()),
                new Row("numericCentral", "numeric, central", results.numericCentral()));

        return options.print(() -> json(config, rows, results, doubts), out -> table(out, config, rows, results));
    }

    /** Shortest warm-up after which the JIT has surely compiled the training loop. */
    private static final double RELIABLE_WARMUP_SECONDS = 0.1;
    /** Fewest batches whose median shrugs off one batch slowed by other work. */
    private static final int RELIABLE_BATCHES = 3;

    /** Why the figures may be far off, in words (empty when the warm-up and the batches are enough). */
    private List<String> doubts() {
        List<String> doubts = new ArrayList<>();
        if (warmup < RELIABLE_WARMUP_SECONDS) {
            doubts.add((warmup == 0 ? "no warm-up" : "a warm-up of only " + Numbers.setting(warmup) + " s")
                    + " (the JIT compiles the code while it is being timed)");
        }
        if (batches < RELIABLE_BATCHES) {
            doubts.add("only " + batches + (batches == 1 ? " batch" : " batches")
                    + " (too few for a median that shrugs off a batch slowed by other work)");
        }
        return doubts;
    }

    /** One line of the result: the JSON key, the title in the table, and the figures. */
    private record Row(String key, String title, Bench.Result result) {
        Cost cost(Config config) {
            return Cost.of(result.method(), result.difference(), config.architecture());
        }
    }

    private Map<String, Object> json(Config config, List<Row> rows, Bench.Results results, List<String> doubts) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Row row : rows) {
            Bench.Result r = row.result();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("nsPerEpoch", r.nsPerEpoch());
            e.put("epochsPerSecond", r.epochsPerSecond());
            e.put("ratioToChain", results.ratio(r));
            e.put("forwardPassesPerEpoch", row.cost(config).forwardPasses());
            e.put("backwardPassesPerEpoch", row.cost(config).backwardPasses());
            e.put("batchesNsPerEpoch", Arrays.stream(r.batchNsPerEpoch()).boxed().toList());
            m.put(row.key(), e);
        }
        m.put("warmupSeconds", warmup);
        m.put("batches", batches);
        m.put("warnings", doubts);
        Map<String, Object> c = Describe.json(config, options);
        c.remove("method");
        m.put("config", c);
        return m;
    }

    private void table(PrintWriter out, Config config, List<Row> rows, Bench.Results results) {
        int p = config.architecture().parameterCount();
        out.println(Describe.networkLines(config, ", P = " + p + " parameters"));
        out.println("timing    " + (warmup == 0 ? "no warm-up" : "warm-up " + Numbers.setting(warmup) + " s in total")
                + ", then " + (batches == 1 ? "1 batch" : "the median of " + batches + " batches") + " of about "
                + Numbers.setting(batchTime) + " s per method");
        out.println();
        String line = "%-20s %12s %16s %10s  %s%n";
        out.printf(line, "method", "ns per epoch", "epochs per s", "x chain", "work per epoch");
        for (Row row : rows) {
            Bench.Result r = row.result();
            out.printf(line, row.title(), Numbers.grouped(r.nsPerEpoch(), 1), Numbers.count(Math.round(r.epochsPerSecond())),
                    Numbers.fixed(results.ratio(r), 1), row.cost(config).describe());
        }
        out.println();
        out.println("x chain = how many chain-rule epochs cost as much as one epoch of that method");
        out.println("numeric epochs run again only the rows a nudge changes (the same doubles as whole passes),");
        out.println("so they cost less than their count of forward passes says");
    }
}
