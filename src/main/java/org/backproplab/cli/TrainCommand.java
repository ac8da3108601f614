package org.backproplab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.io.FileErrors;
import org.backproplab.io.Json;
import org.backproplab.io.LossHistoryCsv;
import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.train.Config;
import org.backproplab.train.Outcome;
import org.backproplab.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: runs gradient descent headless and prints where it ended. */
@Command(name = "train",
        header = "Train the network and print the loss, parameters and predictions.",
        description = {
            "Train the network for N epochs (full-batch gradient descent on the gate's four rows) and print"
                    + " the final loss, the parameters and the four predictions.",
            "Exit code 0, or 1 when training diverged (a NaN or infinite loss or parameter): it stops at"
                    + " that epoch and says so.",
            "Ctrl-C (or SIGTERM) stops at the end of an epoch: the result, --save and --history are written"
                    + " for the epochs done, and the exit code is 130 (143)."})
public final class TrainCommand implements Callable<Integer> {
    /** Epochs between two looks at the clock (for progress): about 10 ms of chain-rule training. */
    private static final long CHUNK = 1 << 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100000",
            description = "Epochs to train, >= 0, as 100000, 1e5 or 100_000 (default: ${DEFAULT-VALUE}).")
    long epochs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Format.TableJsonOrCsv.class,
            completionCandidates = Format.TableJsonOrCsv.class,
            description = "Output: ${COMPLETION-CANDIDATES} (default: table). CSV is one header line and one row.")
    Format format;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Also write the result as JSON to FILE: the parameters, the settings and the epochs"
                    + " done, which --init FILE takes back.")
    Path save;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Write the loss per epoch to FILE as CSV: epoch,loss (the loss at the start of that epoch,"
                    + " and a last row with the final loss).")
    Path history;

    @Option(names = "--every", paramLabel = "K", defaultValue = "1",
            description = "With --history, keep every K-th epoch only (default: ${DEFAULT-VALUE}).")
    long every;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() throws IOException {
        if (epochs < 0) {
            throw new Errors.UsageException("--epochs must be >= 0, got " + epochs);
        }
        if (every < 1) {
            throw new Errors.UsageException("--every must be >= 1, got " + every);
        }
        if (every != 1 && history == null) {
            throw new Errors.UsageException("--every thins the --history file: give --history FILE too");
        }
        checkOutputPaths();
        Config config = options.toConfig();
        Training training = new Training(config);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = System.console() != null ? new Progress(err, epochs) : null;

        // From here Ctrl-C and TERM stop at the next epoch boundary, and every file is still written whole.
        try (StopRequest stop = StopRequest.onSignals()) {
            long historyRows = 0;
            try (History hist = history != null ? new History(history, every) : null) {
                long done = 0;
                while (done < epochs && !training.diverged() && !stop.requested()) {
                    long n = Math.min(CHUNK, epochs - done);
                    done += hist == null ? training.run(n) : hist.run(training, n);
                    if (progress != null) {
                        progress.show(training);
                    }
                }
                if (progress != null) {
                    progress.clear();
                }
                if (hist != null) {
                    hist.row(training.epoch(), training.forward().loss);
                    historyRows = hist.rows;
                }
            }

            boolean interrupted = stop.requested() && training.epoch() < epochs && !training.diverged();
            Map<String, Object> result = result(config, training, interrupted);
            switch (format) {
                case TABLE -> table(out, config, training, interrupted ? stop.what() : null);
                case JSON -> out.print(Json.write(result));
                case CSV -> csv(out, training);
            }
            out.flush();
            if (save != null) {
                write(save, Json.write(result));
            }
            if (training.diverged()) {
                err.println(spec.qualifiedName() + ": diverged in epoch " + training.epoch() + " of " + epochs
                        + ": the loss or a parameter became NaN or infinite; try a smaller --lr (it was "
                        + Numbers.setting(config.learningRate()) + ")");
                err.flush();
                return Errors.FAILURE;
            }
            if (stop.requested()) {
                err.println(spec.qualifiedName() + ": " + (interrupted
                        ? "interrupted by " + stop.what() + " at epoch " + Numbers.count(training.epoch()) + " of "
                                + Numbers.count(epochs) + " (the result printed is at that epoch); "
                        : stop.what() + " came after the last epoch; ") + written(training.epoch(), historyRows));
                err.flush();
                return stop.exitCode();
            }
        }
        return 0;
    }

    /** Output paths are checked before any training, which may take long. */
    private void checkOutputPaths() {
        if (save != null) {
            OutputFiles.check("--save", save);
        }
        if (history != null) {
            OutputFiles.check("--history", history);
            if (save != null && OutputFiles.same(save, history)) {
                throw new Errors.UsageException("--save and --history name the same file, " + save);
            }
            if (options.initFile != null && OutputFiles.same(history, options.initFile)) {
                throw new Errors.UsageException("--history " + history + " would overwrite the --init file");
            }
        }
    }

    /** What the files hold after a stop: "wrote s.json (...) and h.csv (...)". */
    private String written(long epoch, long historyRows) {
        List<String> files = new ArrayList<>();
        if (save != null) {
            files.add(save + " (the result after " + Numbers.count(epoch, "epoch") + ")");
        }
        if (history != null) {
            files.add(history + " (the loss up to epoch " + Numbers.count(epoch) + ", " + Numbers.count(historyRows, "row") + ")");
        }
        return files.isEmpty() ? "no files to write (no --save or --history)"
                : "wrote " + String.join(" and ", files);
    }

    /** The JSON document of train (also what --save writes). */
    private Map<String, Object> result(Config config, Training t, boolean interrupted) {
        Forward f = t.forward();
        Dataset data = config.dataset();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", t.epoch());
        m.put("loss", f.loss);
        m.put("diverged", t.diverged());
        m.put("interrupted", interrupted);
        m.put("learned", t.outcome() == Outcome.LEARNED);
        m.put("outcome", t.outcome().id());
        m.put("config", Describe.json(config, options));
        m.put("parameters", ParametersFile.toJson(t.architecture(), t.parameters()));
        List<Map<String, Object>> predictions = new ArrayList<>();
        for (int r = 0; r < Dataset.ROWS; r++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("inputs", List.of((int) Dataset.input(r, 0), (int) Dataset.input(r, 1)));
            p.put("target", (int) data.target(r));
            p.put("output", f.output[r]);
            predictions.add(p);
        }
        m.put("predictions", predictions);
        return m;
    }

    /** {@code stoppedBy}: the signal that cut training short, or null. */
    private void table(PrintWriter out, Config config, Training t, String stoppedBy) {
        Forward f = t.forward();
        Dataset data = config.dataset();
        out.println(Describe.networkLines(config, ""));
        out.println("start     " + Describe.start(config, options));
        out.println("training  " + Describe.method(config) + ", learning rate " + Numbers.setting(config.learningRate()));
        out.println("epochs    " + Numbers.count(t.epoch()) + (t.diverged() ? " (stopped: diverged)"
                : stoppedBy != null ? " of " + Numbers.count(epochs) + ": stopped by " + stoppedBy : ""));
        out.println("loss      " + Numbers.sig(f.loss, 6) + "  " + outcome(t.outcome(), t.epoch()));
        out.println();
        Architecture arch = t.architecture();
        double[] theta = t.parameters();
        String column = "%-9s %" + Numbers.PARAMETER_WIDTH + "s%n"; // every value fits, right-aligned under its heading
        out.printf(column, "parameter", "value");
        for (int k = 0; k < theta.length; k++) {
            out.printf(column, arch.name(k), Numbers.parameter(theta[k]));
        }
        out.println();
        out.println("x1  x2  target    output  output - target");
        for (int r = 0; r < Dataset.ROWS; r++) {
            double error = f.output[r] - data.target(r);
            out.printf(" %d   %d       %d  %8s  %s%s%n", (int) Dataset.input(r, 0), (int) Dataset.input(r, 1),
                    (int) data.target(r), Numbers.fixed(f.output[r], 6),
                    error >= 0 ? "+" + Numbers.fixed(error, 6) : Numbers.fixed(error, 6),
                    Outcome.rowLearned(f.output[r], data.target(r)) ? "" : "  (off by "
                            + Numbers.setting(Outcome.TOLERANCE) + " or more)");
        }
    }

    /** The outcome in words after {@code epochs}, with its rule: the same words as the lab's status line and legend. */
    static String outcome(Outcome o, long epochs) {
        return switch (o) {
            case LEARNED -> "learned: " + Outcome.LEARNED_RULE;
            case STUCK -> "stuck: " + Outcome.STUCK_RULE;
            case LEARNING -> "not learned yet: some output is " + Numbers.setting(Outcome.TOLERANCE) + " or more from its target; "
                    + stillLearning(epochs);
            case DIVERGED -> "diverged: the loss or a parameter is no longer a finite number";
        };
    }

    /**
     * Why a run that has not learned is not stuck, after {@code epochs}: not trained at all, too few
     * epochs to tell, or a loss that is still improving (train and sweep say it alike).
     */
    static String stillLearning(long epochs) {
        if (epochs == 0) {
            return "not trained (0 epochs)";
        }
        if (epochs <= Outcome.PLATEAU_EPOCHS) {
            return "too few epochs to tell whether it is stuck (that takes " + Numbers.count(Outcome.PLATEAU_EPOCHS)
                    + " without a 0.1% better loss)";
        }
        return "the loss improved by 0.1% or more within the last " + Numbers.count(Outcome.PLATEAU_EPOCHS) + " epochs";
    }

    private static void csv(PrintWriter out, Training t) {
        Forward f = t.forward();
        Architecture arch = t.architecture();
        double[] theta = t.parameters();
        StringBuilder head = new StringBuilder("epochs,loss,diverged,learned");
        StringBuilder row = new StringBuilder();
        row.append(t.epoch()).append(',').append(f.loss).append(',').append(t.diverged()).append(',')
                .append(t.outcome() == Outcome.LEARNED);
        for (int k = 0; k < theta.length; k++) {
            head.append(',').append(arch.name(k));
            row.append(',').append(theta[k]);
        }
        for (int r = 0; r < Dataset.ROWS; r++) {
            head.append(",output_").append((int) Dataset.input(r, 0)).append('_').append((int) Dataset.input(r, 1));
            row.append(',').append(f.output[r]);
        }
        if (t.plantedBug() != null) { // said in the row too: nobody should take it for the real program's result
            head.append(",planted_bug");
            row.append(',').append(t.plantedBug().id());
        }
        out.println(head);
        out.println(row);
    }

    static void write(Path file, String text) {
        try {
            OutputFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --save " + file + ": " + FileErrors.reason(e), e);
        }
    }

    /** The --history file: "epoch,loss", one row per K epochs, doubles exactly (Double.toString). */
    private static final class History implements AutoCloseable {
        private final BufferedWriter w;
        private final Path file;
        private final long every;
        /** Rows written, the header not counted. */
        long rows;

        History(Path file, long every) {
            this.file = file;
            this.every = every;
            try {
                this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                w.write(LossHistoryCsv.HEADER + "\n");
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** Steps one epoch at a time (the loss of each is needed); returns the epochs run. */
        long run(Training t, long n) {
            long done = 0;
            while (done < n && !t.diverged()) {
                long epoch = t.epoch();
                double loss = t.step();
                if (epoch % every == 0) {
                    row(epoch, loss);
                }
                done++;
            }
            return done;
        }

        void row(long epoch, double loss) {
            try {
                w.write(LossHistoryCsv.row(epoch, loss));
                w.write('\n');
                rows++;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private UncheckedIOException failure(IOException e) {
            return new UncheckedIOException("cannot write --history " + file + ": " + FileErrors.reason(e), e);
        }

        @Override
        public void close() {
            try {
                w.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    /** One line on stderr, rewritten in place at most ten times a second. */
    private static final class Progress {
        private final PrintWriter err;
        private final long total;
        private long lastShown = System.nanoTime();
        private boolean shown;

        Progress(PrintWriter err, long total) {
            this.err = err;
            this.total = total;
        }

        void show(Training t) {
            long now = System.nanoTime();
            if (now - lastShown < 100_000_000L) {
                return;
            }
            lastShown = now;
            shown = true;
            err.print("\rtraining: epoch " + Numbers.count(t.epoch()) + " of " + Numbers.count(total) + " ("
                    + Numbers.fixed(100.0 * t.epoch() / Math.max(1, total), 0) + "%)  ");
            err.flush();
        }

        void clear() {
            if (!shown) {
                return;
            }
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
