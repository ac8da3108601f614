package org.backproplab.train;

import java.util.Locale;
import org.backproplab.format.Numbers;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;

/**
 * Where a run stands, in one word that means the same in every view and command: the lab's
 * status line and truth table, the class console, {@code train}, {@code sweep} and their JSON.
 *
 * <ul>
 *   <li><b>learned</b>: every output within {@value #TOLERANCE} of its target;</li>
 *   <li><b>stuck</b>: not learned, and the loss has not improved by {@link #IMPROVEMENT} (0.1%,
 *       relative to its best) for {@value #PLATEAU_EPOCHS} epochs: a plateau, most likely a
 *       local minimum;</li>
 *   <li><b>diverged</b>: the loss or a parameter is no longer a finite number;</li>
 *   <li><b>learning</b>: none of these yet (not learned, and the loss still improving).</li>
 * </ul>
 *
 * Stuck says what happened, not what will: measured over seeds 0..199 and 100,000 epochs, no
 * textbook run that went on to learn had gone more than 1,272 epochs without a 0.1% better loss,
 * and none of its 34 stuck runs learned later; of the reference preset's 150 stuck runs, one
 * (seed 120) left its plateau after 53,607 epochs and learned at epoch 56,193. So "likely a local
 * minimum" is what a stuck run is told, and the lab keeps training it.
 */
public enum Outcome {
    LEARNING, LEARNED, STUCK, DIVERGED;

    /** Within this of its target, an output counts as learned. */
    public static final double TOLERANCE = 0.1;
    /** An epoch's loss counts as an improvement when it is this much (relative) below the best so far. */
    public static final double IMPROVEMENT = 1e-3;
    /** Not learned and no improvement for this many epochs: stuck. */
    public static final long PLATEAU_EPOCHS = 5_000;

    /** The rule for learned, as legends and help say it. */
    public static final String LEARNED_RULE = "every output within " + Numbers.setting(TOLERANCE) + " of its target";
    /** The rule for stuck, as legends and help say it. */
    public static final String STUCK_RULE = "not learned, and no 0.1% better loss in "
            + Numbers.count(PLATEAU_EPOCHS) + " epochs";

    /** The run's outcome from the forward pass at θ, whether it diverged, and how long since its loss improved. */
    public static Outcome of(Forward f, Dataset data, boolean diverged, long epochsSinceImprovement) {
        if (diverged) return DIVERGED;
        if (learned(f, data)) return LEARNED;
        return epochsSinceImprovement >= PLATEAU_EPOCHS ? STUCK : LEARNING;
    }

    /** Whether every output is within {@link #TOLERANCE} of its target. */
    public static boolean learned(Forward f, Dataset data) {
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (!rowLearned(f.output[r], data.target(r))) return false;
        }
        return true;
    }

    /** Whether one row's output is within {@link #TOLERANCE} of its target (NaN never is). */
    public static boolean rowLearned(double output, double target) {
        return Math.abs(output - target) < TOLERANCE;
    }

    /** "learning", "learned", "stuck", "diverged": the word on screen and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
