package org.backproplab.grad;

import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;

/**
 * Backpropagation with one {@link PlantedBug} in it, written out plainly, row by row, so that the
 * mistake can be read in the code: a training run or a gradient check uses this instead of
 * {@link ChainRule} while a bug is planted. The forward pass (and so the loss and the numeric
 * gradient) is the network's own and stays right. Allocates nothing per call; not thread-safe.
 */
public final class BuggyChainRule {
    private final Network net;
    private final PlantedBug bug;
    private final Forward pass;
    /** ∂L/∂z_y on each row, as the buggy backward pass has it. */
    private final double[] outputError = new double[Dataset.ROWS];
    /** ∂L/∂z_hj on each row, as the buggy backward pass has it: [r * H + j]. */
    private final double[] hiddenError;

    public BuggyChainRule(Network net, PlantedBug bug) {
        if (bug == null) throw new IllegalArgumentException("no bug to plant");
        this.net = net;
        this.bug = bug;
        this.pass = new Forward(net.architecture());
        this.hiddenError = new double[Dataset.ROWS * net.architecture().hidden()];
    }

    /** The forward pass of the last {@link #gradient} call (the network's own: right). */
    public Forward lastPass() {
        return pass;
    }

    /** ∂L/∂z_y on row r as the last {@link #gradient} call had it, with the bug. */
    public double outputError(int r) {
        return outputError[r];
    }

    /** ∂L/∂z_hj on row r as the last {@link #gradient} call had it, with the bug. */
    public double hiddenError(int r, int j) {
        return hiddenError[pass.at(r, j)];
    }

    public PlantedBug bug() {
        return bug;
    }

    /**
     * The program's chain rule at θ: with {@code bug} planted, or the right one when it is null.
     * Writes ∂L/∂θ into {@code grad} and returns L(θ).
     */
    public static double gradient(Network net, PlantedBug bug, double[] theta, double[] grad) {
        return bug == null ? new ChainRule(net).gradient(theta, grad) : new BuggyChainRule(net, bug).gradient(theta, grad);
    }

    /** Writes the buggy ∂L/∂θ into {@code grad} and returns L(θ) (which is right). */
    public double gradient(double[] theta, double[] grad) {
        Architecture arch = net.architecture();
        Dataset data = net.dataset();
        Loss loss = arch.loss();
        int h = arch.hidden();
        double value = net.forward(theta, pass);
        for (int r = 0; r < Dataset.ROWS; r++) {
            double yhat = pass.output[r];
            double complement = pass.outputComplement[r];
            double t = data.target(r);
            // right: ∂L/∂z_y = ∂term/∂ŷ · σ′(z_y) / 4 (outputDelta is the first two, multiplied)
            outputError[r] = switch (bug) {
                case NO_OUTPUT_SLOPE -> loss.termDerivative(yhat, complement, t) / Dataset.ROWS;
                case NO_MEAN -> loss.outputDelta(yhat, complement, t);
                case WRONG_SIGN -> -loss.outputDelta(yhat, complement, t) / Dataset.ROWS;
                default -> loss.outputDelta(yhat, complement, t) / Dataset.ROWS;
            };
        }
        double outputBias = 0.0;
        for (int r = 0; r < Dataset.ROWS; r++) {
            outputBias += outputError[r];
        }
        grad[arch.outputBias()] = outputBias;
        for (int j = 0; j < h; j++) {
            double outputWeight = 0.0;
            double hiddenBias = 0.0;
            double fromX1 = 0.0;
            double fromX2 = 0.0;
            for (int r = 0; r < Dataset.ROWS; r++) {
                double z = pass.hiddenSum[r * h + j];
                double a = pass.hiddenOut[r * h + j];
                outputWeight += outputError[r] * a;
                // right: ∂L/∂z_hj = ∂L/∂z_y · w(hj→y) · act′(z_hj)
                double slope = bug == PlantedBug.NO_HIDDEN_SLOPE ? 1.0 : arch.activation().derivative(z, a);
                double hiddenError = outputError[r] * theta[arch.outputWeight(j)] * slope;
                this.hiddenError[pass.at(r, j)] = hiddenError;
                // right: the sum over the four rows
                hiddenBias = bug == PlantedBug.ONE_ROW_BIAS ? hiddenError : hiddenBias + hiddenError;
                fromX1 += hiddenError * Dataset.input(r, 0);
                fromX2 += hiddenError * Dataset.input(r, 1);
            }
            grad[arch.outputWeight(j)] = outputWeight;
            grad[arch.hiddenBias(j)] = hiddenBias;
            // right: w(x1→hj) gets the sum over the rows of its error times x1, w(x2→hj) times x2
            boolean swapped = bug == PlantedBug.SWAPPED_INPUTS;
            grad[arch.inputWeight(0, j)] = swapped ? fromX2 : fromX1;
            grad[arch.inputWeight(1, j)] = swapped ? fromX1 : fromX2;
        }
        return value;
    }
}
