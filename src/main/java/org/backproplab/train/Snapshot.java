package org.backproplab.train;

import java.util.List;
import org.backproplab.grad.EpsilonStudy;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.nn.Forward;

/**
 * One consistent moment of a run, published by the {@link Trainer} for any number of screens to
 * draw: θ, the predictions, the loss and both gradients are all taken at the same epoch.
 *
 * @param version     grows by one with every snapshot of a trainer (a screen redraws when it changes)
 * @param epoch       epochs done; θ is the parameters after that many updates
 * @param config      the live settings (learning rate, method and difference as changed by keys)
 * @param preset      the preset's name, or "custom"
 * @param parameters  θ at this epoch, in the flat layout of {@link org.backproplab.nn.Architecture}
 * @param lastStep    the change of each parameter by the last update (all 0 at epoch 0)
 * @param loss        L(θ) at this epoch
 * @param pass        the forward pass at θ: each row's hidden sums and activations, output sum and ŷ
 * @param check       the numeric and the chain-rule gradient at θ, with relative errors and verdicts
 * @param history     the loss of every epoch so far (bounded, see {@link LossHistory})
 * @param running     training is running (not paused)
 * @param outcome     learning, learned, stuck or diverged (see {@link Outcome}); a diverged run is
 *                    paused until a restart
 * @param speed       the speed set
 * @param measuredEpochsPerSecond epochs per second actually run lately (0 when paused)
 * @param message     a note for the user ("" when there is none)
 * @param lesson      what the teaching views show beyond the tables (see {@link Lesson})
 */
public record Snapshot(long version, long epoch, Config config, String preset, double[] parameters,
                       double[] lastStep, double loss, Pass pass, GradientCheck check,
                       LossHistory.Points history, boolean running, Outcome outcome,
                       Speed speed, double measuredEpochsPerSecond, String message, Lesson lesson) {

    /**
     * What the teaching views need, computed by the trainer at the same θ as the rest.
     *
     * @param adapting      hypergradient descent on η is on (η in {@code config} moves every epoch)
     * @param learningRate  ∂L(θ − η·g)/∂η along the gradient that drives training, both ways (null before any)
     * @param diagnosis     why the run is stuck, if it is (null when not computed)
     * @param explanations  the parameters some screen asked to have explained (see {@link Command.Explain})
     * @param surfaces      the output surfaces some screen asked for (see {@link Command.ShowSurface})
     * @param epsilonStudies the ε studies some screen asked for (see {@link Command.StudyEpsilon})
     * @param hunt          how the last bug hunt ended (null when none has)
     * @param trace         the next epoch traced step by step from this θ, when a screen asked (see
     *                      {@link Command.Trace}), else null
     */
    public record Lesson(boolean adapting, LearningRateGradient learningRate, Diagnosis diagnosis,
                         List<Explanation> explanations, List<Surface> surfaces, List<EpsilonStudy> epsilonStudies,
                         BugHunt hunt, EpochTrace trace) {
        public static final Lesson NONE = new Lesson(false, null, null, List.of(), List.of());

        public Lesson {
            explanations = List.copyOf(explanations);
            surfaces = List.copyOf(surfaces);
            epsilonStudies = List.copyOf(epsilonStudies);
        }

        /** With no ε study, no bug hunt and no trace. */
        public Lesson(boolean adapting, LearningRateGradient learningRate, Diagnosis diagnosis,
                      List<Explanation> explanations, List<Surface> surfaces) {
            this(adapting, learningRate, diagnosis, explanations, surfaces, List.of(), null, null);
        }

        /** The ε study of the parameter named so, or null when nobody asked for it (yet). */
        public EpsilonStudy epsilonStudy(String parameter) {
            for (EpsilonStudy e : epsilonStudies) {
                if (e.parameter().equals(parameter)) return e;
            }
            return null;
        }

        /** The explanation of the parameter named so, or null when nobody asked for it (yet). */
        public Explanation explanation(String parameter) {
            for (Explanation e : explanations) {
                if (e.parameter().equals(parameter)) return e;
            }
            return null;
        }

        /** The surface of this size, or null when nobody asked for it (yet). */
        public Surface surface(int columns, int rows) {
            for (Surface s : surfaces) {
                if (s.columns() == columns && s.rows() == rows) return s;
            }
            return null;
        }
    }

    /**
     * Every value of the forward pass at θ, copied (a snapshot is immutable): z and a = act(z) of
     * each hidden unit on each row, the output's z_y and ŷ.
     */
    public static final class Pass {
        private final int hidden;
        private final double[] hiddenSum;
        private final double[] hiddenOut;
        private final double[] outputSum;
        private final double[] output;

        private Pass(int hidden, double[] hiddenSum, double[] hiddenOut, double[] outputSum, double[] output) {
            this.hidden = hidden;
            this.hiddenSum = hiddenSum;
            this.hiddenOut = hiddenOut;
            this.outputSum = outputSum;
            this.output = output;
        }

        public static Pass of(Forward f) {
            return new Pass(f.arch.hidden(), f.hiddenSum.clone(), f.hiddenOut.clone(), f.outputSum.clone(),
                    f.output.clone());
        }

        /** z of hidden unit j on row r. */
        public double z(int r, int j) {
            return hiddenSum[r * hidden + j];
        }

        /** a = act(z) of hidden unit j on row r. */
        public double a(int r, int j) {
            return hiddenOut[r * hidden + j];
        }

        /** The output's sum z_y on row r. */
        public double outputSum(int r) {
            return outputSum[r];
        }

        /** ŷ = σ(z_y) on row r. */
        public double output(int r) {
            return output[r];
        }
    }

    /** ŷ over the input square, as {@link org.backproplab.nn.Network#surface} lays it out (first row x2 = 1). */
    public record Surface(int columns, int rows, double[] values) {
        public Surface {
            values = values.clone();
        }

        /** ŷ at column j (x1 = j / (columns − 1)) of row i (x2 = 1 − i / (rows − 1)). */
        public double at(int i, int j) {
            return values[i * columns + j];
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public Snapshot {
        lesson = lesson == null ? Lesson.NONE : lesson;
        if (outcome == null) throw new IllegalArgumentException("outcome is null");
        parameters = parameters.clone();
        lastStep = lastStep.clone();
    }

    public boolean learned() {
        return outcome == Outcome.LEARNED;
    }

    public boolean stuck() {
        return outcome == Outcome.STUCK;
    }

    public boolean diverged() {
        return outcome == Outcome.DIVERGED;
    }

    /**
     * One word for a table of runs (the class console): the outcome once there is one (learned,
     * stuck, diverged), else whether it is running or paused.
     */
    public String standing() {
        return outcome != Outcome.LEARNING ? outcome.id() : running ? "running" : "paused";
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    public double parameter(int k) {
        return parameters[k];
    }

    @Override
    public double[] lastStep() {
        return lastStep.clone();
    }

    public double lastStep(int k) {
        return lastStep[k];
    }

    /** ŷ on each of the four rows. */
    public double[] outputs() {
        return pass.output.clone();
    }

    /** ŷ on one row. */
    public double output(int row) {
        return pass.output[row];
    }

    public int parameterCount() {
        return parameters.length;
    }
}
