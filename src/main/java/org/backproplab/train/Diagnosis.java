package org.backproplab.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.grad.GradientCheck;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;

/**
 * Why a run is stuck, said plainly: the notes line of the lab and of the command line.
 *
 * @param plateau  the run is {@link Outcome#STUCK}: the loss has not improved (by
 *                 {@link Outcome#IMPROVEMENT}, relative) for {@link Outcome#PLATEAU_EPOCHS} epochs
 *                 or more, and the gate is not learned
 * @param epochsSinceImprovement how long the loss has not improved
 * @param saturated the output passes back no gradient on any row, and the gate is not learned: ŷ
 *                  is 0 or 1 to the last bit (σ′ = 0), or past cross-entropy's clip, on every row,
 *                  so every gradient is exactly 0 and no parameter moves (a step too large does it)
 * @param deadUnits hidden ReLU units that output 0 on all four rows ("h1", ...): no gradient flows
 *                  through them, so nothing feeding them can learn
 * @param kinks    parameters whose nudge carries a hidden ReLU input across 0 on some row, so the
 *                 numeric gradient takes in part of the other slope: those whose predicted error
 *                 has a kink part ({@link org.backproplab.grad.PredictedError#kink}), the same
 *                 judgement as the verdict's (a forward nudge of an input just above 0 crosses nothing)
 * @param notes    one plain sentence for each finding, in the order above
 */
public record Diagnosis(boolean plateau, long epochsSinceImprovement, boolean saturated, List<String> deadUnits,
                        List<String> kinks, List<String> notes) {
    public Diagnosis {
        deadUnits = List.copyOf(deadUnits);
        kinks = List.copyOf(kinks);
        notes = List.copyOf(notes);
    }

    /** The run's state now. */
    public static Diagnosis of(Training t) {
        return of(t.architecture(), t.config().dataset(), t.forward(), t.check(), t.epochsSinceImprovement());
    }

    /** From a forward pass at θ (the numbers a snapshot already holds). */
    public static Diagnosis of(Architecture arch, Dataset data, Forward f, GradientCheck check,
                               long epochsSinceImprovement) {
        boolean plateau = Outcome.of(f, data, false, epochsSinceImprovement) == Outcome.STUCK;
        List<String> notes = new ArrayList<>();
        boolean saturated = saturated(arch, data, f);
        if (plateau) {
            notes.add(String.format(java.util.Locale.ROOT, saturated ? "stuck: no 0.1%% better loss in %,d epochs"
                    : "stuck: no 0.1%% better loss in %,d epochs, likely a local minimum (try another seed)",
                    epochsSinceImprovement));
        }
        if (saturated) {
            notes.add("the output is saturated on every row (" + "ŷ is 0 or 1 to the last bit, or past cross-entropy's"
                    + " clip), so every gradient is exactly 0 and nothing moves: a smaller learning rate, then restart");
        }
        List<String> dead = deadUnits(arch, f);
        for (String unit : dead) {
            notes.add("dead ReLU unit " + unit + ": it outputs 0 on all four rows, so no gradient flows through it"
                    + " and its weights cannot learn");
        }
        List<String> kinks = new ArrayList<>();
        for (GradientCheck.Entry e : check.entries()) {
            if (e.predicted().kink() > 0 && !e.predicted().clip()) kinks.add(e.name());
        }
        if (!kinks.isEmpty()) {
            notes.add("kink: the nudge of " + String.join(", ", kinks) + " carries a ReLU input across 0 on some"
                    + " row, so the numeric gradient differs from the chain rule's there, as predicted");
        }
        return new Diagnosis(plateau, epochsSinceImprovement, saturated, dead, kinks, notes);
    }

    /** Whether no row passes back a gradient (∂L/∂z_y = 0 on each) while the gate is not learned. */
    static boolean saturated(Architecture arch, Dataset data, Forward f) {
        if (Outcome.learned(f, data)) return false;
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (arch.loss().outputDelta(f.output[r], f.outputComplement[r], data.target(r)) != 0.0) return false;
        }
        return true;
    }

    /** Hidden units (named h1, h2, ...) whose ReLU is at 0 on every row. */
    public static List<String> deadUnits(Architecture arch, Forward f) {
        List<String> dead = new ArrayList<>();
        for (int j = 0; j < arch.hidden(); j++) {
            if (f.dead(j)) dead.add("h" + (j + 1));
        }
        return dead;
    }
}
