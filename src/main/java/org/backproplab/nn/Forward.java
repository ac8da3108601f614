package org.backproplab.nn;

/**
 * One forward pass over the four rows, kept so that the backward pass, the explanations and a
 * step-by-step trace can read every intermediate value. Arrays are reused: a pass allocates
 * nothing. Read the hidden units through {@link #hiddenSum(int, int)} and
 * {@link #hiddenOut(int, int)}; the arrays are public for loops that need them whole.
 */
public final class Forward {
    public final Architecture arch;
    /** Hidden pre-activations z and activations a = act(z), row-major: [{@link #at}(r, j)]. */
    public final double[] hiddenSum;
    public final double[] hiddenOut;
    /** Output pre-activation z_y and prediction ŷ per row. */
    public final double[] outputSum = new double[Dataset.ROWS];
    public final double[] output = new double[Dataset.ROWS];
    /**
     * 1 − ŷ per row, kept accurate when ŷ is close to 1 ({@link Activation#sigmoidComplement}).
     * The backward pass reads it for σ′(z_y) = ŷ(1 − ŷ) and for ŷ − t.
     */
    public final double[] outputComplement = new double[Dataset.ROWS];
    /** Each row's loss term (before the mean): {@code loss} = (((term0 + term1) + term2) + term3) / 4. */
    public final double[] lossTerm = new double[Dataset.ROWS];
    public double loss;

    public Forward(Architecture arch) {
        this.arch = arch;
        this.hiddenSum = new double[Dataset.ROWS * arch.hidden()];
        this.hiddenOut = new double[Dataset.ROWS * arch.hidden()];
    }

    /** Where row r's hidden unit j sits in {@link #hiddenSum} and {@link #hiddenOut}. */
    public int at(int r, int j) {
        return r * arch.hidden() + j;
    }

    /** z of hidden unit j on row r. */
    public double hiddenSum(int r, int j) {
        return hiddenSum[at(r, j)];
    }

    /** a = act(z) of hidden unit j on row r. */
    public double hiddenOut(int r, int j) {
        return hiddenOut[at(r, j)];
    }

    /**
     * Whether hidden unit j is a dead ReLU: its z is at or below 0 on every row, so it outputs 0
     * on every row and passes no gradient back (false for an activation without a kink).
     */
    public boolean dead(int j) {
        if (!arch.activation().hasKink()) return false;
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (hiddenSum(r, j) > 0.0) return false;
        }
        return true;
    }
}
