package org.backproplab.train;

import java.util.List;
import org.backproplab.grad.PlantedBug;

/**
 * How a bug hunt ended: the bug that was planted, the one the learner named (null: they gave up),
 * and the difference it made: the chain rule with it and without it at the θ where the hunt
 * ended, the rows the gradient check called bad, and the loss over the epochs it trained with it.
 *
 * @param number     hunts ended on this trainer so far, this one included (a screen tells a new result by it)
 * @param epochs     epochs trained with the bug planted
 * @param lossBefore the loss when the bug was planted (or when the run restarted with it)
 * @param lossAfter  the loss when the hunt ended
 * @param names      the parameters' names, in θ's order
 * @param buggy      the chain rule's gradient with the bug
 * @param correct    the chain rule's gradient without it
 * @param badRows    the parameters whose check read bad with the bug planted
 */
public record BugHunt(long number, PlantedBug bug, PlantedBug guess, long epochs, double lossBefore, double lossAfter,
                      List<String> names, double[] buggy, double[] correct, List<String> badRows) {
    public BugHunt {
        names = List.copyOf(names);
        buggy = buggy.clone();
        correct = correct.clone();
        badRows = List.copyOf(badRows);
    }

    /** Whether the learner named the bug that was planted. */
    public boolean right() {
        return guess == bug;
    }

    @Override
    public double[] buggy() {
        return buggy.clone();
    }

    @Override
    public double[] correct() {
        return correct.clone();
    }
}
