package org.backproplab.train;

/**
 * The guide this lab teaches from, named wherever the lab says "the guide": its numeric steps
 * (nudge, forward, loss, difference, revert, update) are the lab's numeric way, and its companion
 * program is what the {@code reference} preset reproduces step for step.
 */
public final class Guide {
    public static final String TITLE = "A Beginner's Guide to Backpropagation";
    public static final String REPOSITORY = "github.com/623637719/The-Democratization-of-AI";
    /** Where its companion code lives in that repository. */
    public static final String CODE = "2.Deep learning/Backward Propagation/with code";
    /** One line that says which guide it is. */
    public static final String CITATION = "the guide: \"" + TITLE + "\", " + REPOSITORY;

    private Guide() {
    }
}
