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
    /**
     * 1 − ŷ per row, computed as e^(−z_y)·ŷ where ŷ > ½ so that it keeps its relative precision
     * when ŷ is close to 1 (the subtraction 1 − ŷ would keep only ~ulp(1)/(1 − ŷ) of it). The
     * backward pass reads it for σ′(z_y) = ŷ(1 − ŷ) and for ŷ − t.
     */
    public final double[] outputComplement = new double[Dataset.ROWS];
    public double loss;

    public Forward(Architecture arch) {
        this.arch = arch;
        this.hiddenSum = new double[Dataset.ROWS * arch.hidden()];
        this.hiddenOut = new double[Dataset.ROWS * arch.hidden()];
    }
}
