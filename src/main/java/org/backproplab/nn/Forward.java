package org.backproplab.nn;

/**
 * One forward pass over the four rows, kept so that the backward pass and the explanations can
 * read every intermediate value. Arrays are reused: a pass allocates nothing.
 */
public final class Forward {
    public final Architecture arch;
    /** Hidden pre-activations and activations, row-major: [r * H + j]. */
    public final double[] hiddenSum;
    public final double[] hiddenOut;
    /** Output pre-activation z_y and prediction ŷ per row. */
    public final double[] outputSum = new double[Dataset.ROWS];
    public final double[] output = new double[Dataset.ROWS];
    public double loss;

    public Forward(Architecture arch) {
        this.arch = arch;
        this.hiddenSum = new double[Dataset.ROWS * arch.hidden()];
        this.hiddenOut = new double[Dataset.ROWS * arch.hidden()];
    }
}
