package org.backproplab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.backproplab.grad.Difference;
import org.backproplab.grad.EpsilonStudy;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;

/**
 * A {@link Training} on its own thread, driven by {@link Request}s and watched through
 * {@link Snapshot}s. Any number of screens may watch one trainer and send it requests.
 *
 * <p>The thread applies queued requests between batches of epochs, paces slow speeds with
 * {@link System#nanoTime()}, runs flat out at max speed (looking at the queue about every
 * millisecond), and publishes a snapshot after every batch of requests and at most every
 * {@value #PUBLISH_MILLIS} ms while running: never once per epoch, which would cost more than the
 * epoch itself.
 */
public final class Trainer implements AutoCloseable {
    static final long PUBLISH_MILLIS = 20;
    private static final long PUBLISH_NANOS = PUBLISH_MILLIS * 1_000_000L;
    /** Longest stretch of epochs between looks at the request queue. */
    private static final long BATCH_NANOS = 1_000_000L;
    /** Epochs between two looks at the clock inside a batch. */
    private static final int CLOCK_EVERY = 64;
    /** The measured speed is averaged over about this long. */
    private static final long MEASURE_NANOS = 500_000_000L;
    /** A paced run that falls this far behind (a slow machine, a long pause) starts its pace anew. */
    private static final long MAX_LAG_NANOS = 250_000_000L;
    /** New random seeds stay short enough to read and retype. */
    private static final long SEED_BOUND = 1_000_000L;

    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final RandomGenerator seeds;
    private final String preset;
    private final Thread thread;
    private volatile Snapshot snapshot;
    private volatile boolean closed;

    // ---- owned by the trainer's thread (set up in the constructor, before the thread starts) ----
    private Config config;
    private Training training;
    private final LossHistory history = new LossHistory();
    private boolean running;
    private Speed speed = Speed.DEFAULT;
    private String message = "";
    private long version;
    private long lastPublish;
    private long paceStart;
    private long paceEpochs;
    private long measureStart;
    private long measureEpoch;
    private double measuredRate;
    /** What each screen asked to see: a parameter explained, a surface of some size. */
    private final Map<Object, Integer> explain = new LinkedHashMap<>();
    private final Map<Object, int[]> surface = new LinkedHashMap<>();
    private final Map<Object, Integer> study = new LinkedHashMap<>();
    /** The bug hunt: where the run stood when the bug was planted, and how the last hunt ended. */
    private long huntStartEpoch;
    private double huntStartLoss = Double.NaN;
    private BugHunt lastHunt;
    /** The screens that trace the next epoch, and the trace made last (for the epoch and settings it was made at). */
    private final Set<Object> tracing = new java.util.HashSet<>();
    private EpochTrace trace;

    public Trainer(Config config) {
        this(config, "custom");
    }

    /** {@code preset} is only shown (the name of the preset the config came from). */
    public Trainer(Config config, String preset) {
        this(config, preset, new Random());
    }

    Trainer(Config config, String preset, RandomGenerator seeds) {
        this.seeds = seeds;
        this.preset = preset;
        this.config = config;
        this.training = new Training(config);
        this.huntStartLoss = training.plantedBug() == null ? Double.NaN : training.forward().loss;
        this.thread = new Thread(this::loop, "trainer");
        this.thread.setDaemon(true);
        publish(System.nanoTime());
    }

    /** Starts the training thread (paused at epoch 0). */
    public void start() {
        thread.start();
    }

    /** Queues a request; it takes effect within about a millisecond, and a new snapshot follows. */
    public void submit(Request request) {
        if (request == null) throw new IllegalArgumentException("request is null");
        requests.add(request);
    }

    /** The latest snapshot (never null). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Stops the thread and waits briefly for it. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (!closed) {
                Request c = requests.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (c != null) {
                    do {
                        apply(c);
                        c = requests.poll();
                    } while (c != null);
                    publish(System.nanoTime());
                }
                if (running) {
                    runDue();
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** How long to wait for a request: long when paused, 0 at max speed, until the next epoch when paced. */
    private long waitNanos() {
        if (!running) return 100_000_000L;
        if (speed.isMax()) return 0;
        long next = paceStart + (long) ((paceEpochs + 1) * 1e9 / speed.epochsPerSecond());
        return Math.max(0, next - System.nanoTime());
    }

    /** Runs the epochs that are due (all that fit in a batch at max speed), then publishes if it is time. */
    private void runDue() {
        long now = System.nanoTime();
        long due;
        if (speed.isMax()) {
            due = Long.MAX_VALUE;
        } else {
            // Fallen behind (a stall, a busy machine): start the pace again with the next epoch due
            // now, rather than racing to catch up. Behind means past the time of the epoch due next:
            // measured from the last one run, a rung slower than 4/s would reset before it ever came.
            long period = (long) (1e9 / speed.epochsPerSecond());
            if (now - paceStart - (long) ((paceEpochs + 1) * 1e9 / speed.epochsPerSecond()) > MAX_LAG_NANOS) {
                resetPace(now - period);
            }
            due = (long) ((now - paceStart) * 1e-9 * speed.epochsPerSecond()) - paceEpochs;
        }
        if (due > 0) {
            paceEpochs += runBatch(due, now + BATCH_NANOS);
        }
        now = System.nanoTime();
        if (training.diverged()) {
            running = false;
            message = "diverged at epoch " + String.format(java.util.Locale.ROOT, "%,d", training.epoch())
                    + ": the loss is no longer a number; r: new seed, [ then R: smaller steps";
            publish(now);
        } else if (now - lastPublish >= PUBLISH_NANOS) {
            publish(now);
        }
    }

    /** Up to {@code max} epochs, stopping at the deadline or on divergence; returns the epochs run. */
    private long runBatch(long max, long deadline) {
        long done = 0;
        final Training t = training;
        final LossHistory h = history;
        while (done < max) {
            int n = (int) Math.min(CLOCK_EVERY, max - done);
            for (int i = 0; i < n; i++) {
                h.add(t.step());
            }
            done += n;
            if (t.diverged() || System.nanoTime() >= deadline) {
                break;
            }
        }
        return done;
    }

    /** Applies one request, on the trainer's thread. */
    private void apply(Request c) {
        c.applyTo(handler);
    }

    /** What the trainer does for each request (on its own thread, between batches of epochs). */
    private final Request.Handler handler = new Request.Handler() {
        @Override
        public void toggleRun() {
            if (training.diverged()) {
                message = "diverged: r restarts from a new seed, R from the same one";
            } else {
                setRunning(!running);
            }
        }

        @Override
        public void pause() {
            setRunning(false);
        }

        @Override
        public void step() {
            setRunning(false);
            if (!training.diverged()) {
                history.add(training.step());
            }
        }

        @Override
        public void switchMethod() {
            training.setMethod(training.method().other());
            config = config.withMethod(training.method());
            resetPace(System.nanoTime());
        }

        @Override
        public void switchDifference() {
            Difference next = training.difference() == Difference.FORWARD ? Difference.CENTRAL : Difference.FORWARD;
            training.setDifference(next);
            config = config.withDifference(next);
            resetPace(System.nanoTime());
        }

        @Override
        public void changeSpeed(int rungs) {
            speed = speed.shift(rungs);
            resetPace(System.nanoTime());
        }

        @Override
        public void changeLearningRate(int rungs) {
            double lr = LearningRates.shift(training.learningRate(), rungs);
            training.setLearningRate(lr);
            config = config.withLearningRate(lr);
        }

        @Override
        public void restart(boolean newSeed) {
            Trainer.this.restart(newSeed ? config.withSeed(newSeed()) : config);
        }

        @Override
        public void reconfigure(Config c) {
            Trainer.this.restart(c);
        }

        @Override
        public void nextGate() {
            Trainer.this.restart(config.withDataset(next(Dataset.values(), config.dataset())));
        }

        @Override
        public void nextHiddenUnits(int max) {
            Trainer.this.restart(config.withHidden(config.hidden() >= max ? 1 : config.hidden() + 1));
        }

        @Override
        public void nextActivation() {
            Trainer.this.restart(config.withActivation(next(Activation.values(), config.activation())));
        }

        @Override
        public void toggleAdaptation() {
            training.setLearningRateAdaptation(training.learningRateAdaptation() > 0 ? 0 : Training.DEFAULT_ADAPTATION);
        }

        @Override
        public void explain(Object viewer, int parameter) {
            choose(explain, viewer, parameter);
        }

        @Override
        public void showSurface(Object viewer, int columns, int rows) {
            if (columns < 2 || rows < 2) {
                surface.remove(viewer);
            } else {
                surface.put(viewer, new int[] {columns, rows});
            }
        }

        @Override
        public void trace(Object viewer, boolean on) {
            if (on) {
                tracing.add(viewer);
            } else {
                tracing.remove(viewer);
            }
        }

        @Override
        public void studyEpsilon(Object viewer, int parameter) {
            choose(study, viewer, parameter);
        }

        @Override
        public void startBugHunt() {
            if (training.plantedBug() == null) {
                PlantedBug[] bugs = PlantedBug.values();
                plant(bugs[seeds.nextInt(bugs.length)]);
            }
        }

        @Override
        public void endBugHunt(PlantedBug guess) {
            endHunt(guess);
        }

        @Override
        public void forget(Object viewer) {
            tracing.remove(viewer);
            explain.remove(viewer);
            surface.remove(viewer);
            study.remove(viewer);
        }
    };

    /** The parameter {@code viewer} chose (of θ's layout), or none when negative (see {@link Request.Explain}). */
    private static void choose(Map<Object, Integer> chosen, Object viewer, int parameter) {
        if (parameter < 0) {
            chosen.remove(viewer);
        } else {
            chosen.put(viewer, parameter);
        }
    }

    /** Plants {@code bug} in the chain rule of this run and of every restart, from the next epoch on. */
    private void plant(PlantedBug bug) {
        training.setPlantedBug(bug);
        config = config.withPlantedBug(bug);
        huntStartEpoch = training.epoch();
        huntStartLoss = training.forward().loss;
    }

    /** Takes the bug out, and keeps how the hunt went for every screen to show. */
    private void endHunt(PlantedBug guess) {
        PlantedBug bug = training.plantedBug();
        if (bug == null) return;
        GradientCheck withBug = training.check();
        training.setPlantedBug(null);
        config = config.withPlantedBug(null);
        GradientCheck without = training.check();
        int p = withBug.entries().size();
        double[] buggy = new double[p];
        double[] correct = new double[p];
        List<String> names = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            GradientCheck.Entry e = withBug.entries().get(k);
            names.add(e.name());
            buggy[k] = e.chainRule();
            correct[k] = without.entries().get(k).chainRule();
            if (e.verdict() == GradientCheck.Verdict.BAD) bad.add(e.name());
        }
        long number = lastHunt == null ? 1 : lastHunt.number() + 1;
        lastHunt = new BugHunt(number, bug, guess, training.epoch() - huntStartEpoch, huntStartLoss, withBug.loss(),
                names, buggy, correct, bad);
        // at most 80 characters, so every screen shows it whole
        message = "bug hunt over: it was " + bug.id() + (guess == null ? ", given up" : guess == bug ? ", named right"
                : " (named " + guess.id() + ")") + "; b starts another";
    }

    /** The value after {@code current} in {@code values}, round and round. */
    private static <E> E next(E[] values, E current) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == current) return values[(i + 1) % values.length];
        }
        return values[0];
    }

    private void setRunning(boolean run) {
        if (run != running) {
            running = run;
            message = "";
            long now = System.nanoTime();
            resetPace(now);
            measureStart = now;
            measureEpoch = training.epoch();
            measuredRate = 0;
        }
    }

    private long newSeed() {
        long s;
        do {
            s = seeds.nextLong(SEED_BOUND);
        } while (s == config.seed());
        return s;
    }

    /** Epoch 0 of {@code c}; a run that diverged stays paused, otherwise running stays as it was. */
    private void restart(Config c) {
        boolean wasDiverged = training.diverged();
        double adaptation = training.learningRateAdaptation();
        config = c;
        training = new Training(c);
        training.setLearningRateAdaptation(adaptation);
        history.clear();
        message = "";
        if (training.plantedBug() != null) {
            huntStartEpoch = 0;
            huntStartLoss = training.forward().loss;
        }
        if (wasDiverged || training.diverged()) {
            running = false;
        }
        long now = System.nanoTime();
        resetPace(now);
        measureStart = now;
        measureEpoch = 0;
        measuredRate = 0;
    }

    /** The teaching views' numbers at the current θ (a few passes; only what some screen asked for). */
    private Snapshot.Lesson lesson(Forward f, GradientCheck check) {
        boolean adapting = training.learningRateAdaptation() > 0;
        if (training.diverged()) {
            return new Snapshot.Lesson(adapting, null, null, List.of(), List.of(), List.of(), lastHunt, null);
        }
        double[] theta = training.parameters();
        int p = theta.length;
        LearningRateGradient lr = LearningRateGradient.along(training.network(), theta, check.loss(),
                training.method().gradientIn(check), training.learningRate(), training.plantedBug(), training.expansion());
        Diagnosis diagnosis = Diagnosis.of(training.architecture(), config.dataset(), f, check,
                training.epochsSinceImprovement());
        List<Explanation> explanations = new ArrayList<>();
        for (int k : new LinkedHashSet<>(explain.values())) {
            if (k < p) {
                explanations.add(Explanation.of(training.network(), theta, k, training.epsilon(), training.difference()));
            }
        }
        List<Snapshot.Surface> surfaces = new ArrayList<>();
        Set<List<Integer>> sizes = new LinkedHashSet<>();
        for (int[] size : surface.values()) {
            if (sizes.add(List.of(size[0], size[1]))) {
                surfaces.add(new Snapshot.Surface(size[0], size[1], training.network().surface(theta, size[0], size[1])));
            }
        }
        List<EpsilonStudy> studies = new ArrayList<>();
        for (int k : new LinkedHashSet<>(study.values())) {
            if (k < p) {
                studies.add(EpsilonStudy.of(training.network(), theta, k, check.entries().get(k).chainRule()));
            }
        }
        return new Snapshot.Lesson(adapting, lr, diagnosis, explanations, surfaces, studies, lastHunt, trace(theta));
    }

    /** The next epoch traced from θ when some screen asks, made again only when θ or the settings changed. */
    private EpochTrace trace(double[] theta) {
        if (tracing.isEmpty()) {
            trace = null;
        } else {
            Config live = config.withLearningRate(training.learningRate());
            if (trace == null || !trace.isFor(live, theta)) trace = EpochTrace.of(live, theta);
        }
        return trace;
    }

    private void resetPace(long now) {
        paceStart = now;
        paceEpochs = 0;
    }

    private void publish(long now) {
        if (running && now - measureStart >= MEASURE_NANOS) {
            measuredRate = (training.epoch() - measureEpoch) * 1e9 / (now - measureStart);
            measureStart = now;
            measureEpoch = training.epoch();
        } else if (!running) {
            measuredRate = 0;
        }
        Forward f = training.forward();
        GradientCheck check = training.check();
        Outcome outcome = Outcome.of(f, config.dataset(), training.diverged(), training.epochsSinceImprovement());
        if (training.learningRateAdaptation() > 0 && training.learningRate() != config.learningRate()) {
            config = config.withLearningRate(training.learningRate()); // η moved by itself: show where it is
        }
        snapshot = new Snapshot(++version, training.epoch(), config, preset, training.parameters(),
                training.lastStep(), check.loss(), Snapshot.Pass.of(f), check, history.points(), running, outcome, speed,
                measuredRate, message, lesson(f, check));
        lastPublish = now;
    }
}
