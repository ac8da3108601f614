package org.backproplab.train;

import org.backproplab.grad.GradientCheck;

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
 * @param outputs     the network's output ŷ for each of the four truth-table rows at θ
 * @param check       the numeric and the chain-rule gradient at θ, with relative errors and verdicts
 * @param history     the loss of every epoch so far (bounded, see {@link LossHistory})
 * @param running     training is running (not paused)
 * @param learned     all four rows are right (the output rounded to 0 or 1 is the target)
 * @param diverged    the loss or θ is no longer finite; training is paused until a restart
 * @param speed       the speed set
 * @param measuredEpochsPerSecond epochs per second actually run lately (0 when paused)
 * @param message     a note for the user ("" when there is none)
 */
public record Snapshot(long version, long epoch, Config config, String preset, double[] parameters,
                       double[] lastStep, double loss, double[] outputs, GradientCheck check,
                       LossHistory.Points history, boolean running, boolean learned, boolean diverged,
                       Speed speed, double measuredEpochsPerSecond, String message) {

    /** What the status line says, one word. */
    public enum State {
        PAUSED, RUNNING, LEARNED, DIVERGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Snapshot {
        parameters = parameters.clone();
        lastStep = lastStep.clone();
        outputs = outputs.clone();
    }

    /** Diverged wins over learned, learned over running/paused (the run/pause state is shown apart). */
    public State state() {
        if (diverged) return State.DIVERGED;
        if (learned) return State.LEARNED;
        return running ? State.RUNNING : State.PAUSED;
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

    @Override
    public double[] outputs() {
        return outputs.clone();
    }

    public double output(int row) {
        return outputs[row];
    }

    public int parameterCount() {
        return parameters.length;
    }
}
