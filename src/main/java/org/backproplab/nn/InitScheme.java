package org.backproplab.nn;

import java.util.Locale;

/** How the starting weights and biases are drawn. Every scheme is repeatable from its seed. */
public enum InitScheme {
    /** Uniform in [0, 1): the guide's "random numbers between 0 and 1" ({@code np.random.rand}). */
    UNIFORM01,
    /** Uniform in [−1, 1). */
    UNIFORM,
    /** {@code np.random.seed(S); np.random.randn(...)} in the order of the guide's code. */
    NUMPY_RANDN;

    /** The id on the command line and in files: uniform01, uniform, numpy-randn. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Draws θ for {@code arch}. The guide's code draws W1, b1, W2, b2 one after another from one
     * stream, and θ is laid out in that order, so the draws simply fill θ front to back.
     */
    public double[] draw(Architecture arch, long seed) {
        NumpyRandom rng = new NumpyRandom(seed);
        double[] theta = new double[arch.parameterCount()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = switch (this) {
                case UNIFORM01 -> rng.nextDouble();
                case UNIFORM -> 2.0 * rng.nextDouble() - 1.0;
                case NUMPY_RANDN -> rng.nextGaussian();
            };
        }
        return theta;
    }

    @Override
    public String toString() {
        return id();
    }
}
