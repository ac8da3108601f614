package org.backproplab.train;

/**
 * What a user (or a test) asks the {@link Trainer} to do. Commands are queued and applied by the
 * trainer's own thread between batches of epochs, so a {@link Snapshot} never shows half of one.
 */
public sealed interface Request {
    /** Hands this request to its method of {@code h}. */
    void applyTo(Handler h);

    /**
     * What is done for each request, one method a request: a new request cannot be left unhandled
     * (it does not compile until its record calls a method here, and every handler has that method).
     */
    interface Handler {
        void toggleRun();

        void pause();

        void step();

        void switchMethod();

        void switchDifference();

        void changeSpeed(int rungs);

        void changeLearningRate(int rungs);

        void restart(boolean newSeed);

        void reconfigure(Config config);

        void nextGate();

        void nextHiddenUnits(int max);

        void nextActivation();

        void toggleAdaptation();

        void explain(Object viewer, int parameter);

        void showSurface(Object viewer, int columns, int rows);

        void trace(Object viewer, boolean on);

        void studyEpsilon(Object viewer, int parameter);

        void startBugHunt();

        void endBugHunt(org.backproplab.grad.PlantedBug guess);

        void forget(Object viewer);
    }

    /** Run if paused, pause if running. */
    record ToggleRun() implements Request {
        public void applyTo(Handler h) {
            h.toggleRun();
        }
    }

    record Pause() implements Request {
        public void applyTo(Handler h) {
            h.pause();
        }
    }

    /** One epoch; pauses first when running, so the step is seen. */
    record Step() implements Request {
        public void applyTo(Handler h) {
            h.step();
        }
    }

    /** Chain rule ↔ numeric: the gradient that drives the update. */
    record SwitchMethod() implements Request {
        public void applyTo(Handler h) {
            h.switchMethod();
        }
    }

    /** Forward ↔ central difference for the numeric gradient. */
    record SwitchDifference() implements Request {
        public void applyTo(Handler h) {
            h.switchDifference();
        }
    }

    /** One rung up (+1) or down (−1) the speed ladder. */
    record ChangeSpeed(int rungs) implements Request {
        public void applyTo(Handler h) {
            h.changeSpeed(rungs);
        }
    }

    /** One rung up (+1) or down (−1) the 1-2-5 learning-rate ladder. */
    record ChangeLearningRate(int rungs) implements Request {
        public void applyTo(Handler h) {
            h.changeLearningRate(rungs);
        }
    }

    /** Back to epoch 0: with a new random seed, or the same one (and the same saved start, if any). */
    record Restart(boolean newSeed) implements Request {
        public void applyTo(Handler h) {
            h.restart(newSeed);
        }
    }

    /** Back to epoch 0 with another experiment (gate, hidden units, activation ...), keeping live settings. */
    record Reconfigure(Config config) implements Request {
        public void applyTo(Handler h) {
            h.reconfigure(config);
        }
    }

    /** Back to epoch 0 (same seed, live settings kept) with the next gate: xor, and, or, nand, nor, xnor. */
    record NextGate() implements Request {
        public void applyTo(Handler h) {
            h.nextGate();
        }
    }

    /** Back to epoch 0 with one more hidden unit, or 1 after {@code max}. */
    record NextHiddenUnits(int max) implements Request {
        public void applyTo(Handler h) {
            h.nextHiddenUnits(max);
        }
    }

    /** Back to epoch 0 with the next hidden activation: sigmoid, tanh, relu. */
    record NextActivation() implements Request {
        public void applyTo(Handler h) {
            h.nextActivation();
        }
    }

    /** Hypergradient descent on the learning rate: on if off, off if on (see {@link Training#DEFAULT_ADAPTATION}). */
    record ToggleAdaptation() implements Request {
        public void applyTo(Handler h) {
            h.toggleAdaptation();
        }
    }

    /**
     * What one screen ({@code viewer}, any object that stands for it) wants explained from now on:
     * parameter {@code parameter} of θ's layout, or none when negative. Each screen has its own.
     */
    record Explain(Object viewer, int parameter) implements Request {
        public void applyTo(Handler h) {
            h.explain(viewer, parameter);
        }
    }

    /**
     * The output surface one screen wants from now on: ŷ on a {@code columns} × {@code rows} grid
     * of the input square (both at least 2), or none when either is 0.
     */
    record ShowSurface(Object viewer, int columns, int rows) implements Request {
        public void applyTo(Handler h) {
            h.showSurface(viewer, columns, rows);
        }
    }

    /**
     * Whether one screen ({@code viewer}) wants the trace of the next epoch from the current θ
     * (see {@link EpochTrace}), published in {@link Snapshot.Lesson#trace()}.
     */
    record Trace(Object viewer, boolean on) implements Request {
        public void applyTo(Handler h) {
            h.trace(viewer, on);
        }
    }

    /**
     * The ε study one screen wants from now on: parameter {@code parameter} of θ's layout, or none
     * when negative (see {@link org.backproplab.grad.EpsilonStudy}).
     */
    record StudyEpsilon(Object viewer, int parameter) implements Request {
        public void applyTo(Handler h) {
            h.studyEpsilon(viewer, parameter);
        }
    }

    /** A bug hunt: plants one of the {@link org.backproplab.grad.PlantedBug}s at random in the chain rule, and trains on. */
    record StartBugHunt() implements Request {
        public void applyTo(Handler h) {
            h.startBugHunt();
        }
    }

    /**
     * Ends the bug hunt: the learner names the bug they think is planted ({@code guess}, null when
     * they give up); the bug is taken out and a {@link BugHunt} says how it went.
     */
    record EndBugHunt(org.backproplab.grad.PlantedBug guess) implements Request {
        public void applyTo(Handler h) {
            h.endBugHunt(guess);
        }
    }

    /** Forgets what a screen asked for (it closed). */
    record Forget(Object viewer) implements Request {
        public void applyTo(Handler h) {
            h.forget(viewer);
        }
    }
}
