package org.backproplab.grad;

import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;

/**
 * One backward pass over the four rows, as {@link ChainRule} computes it: the error signals δ it
 * sends back, and what each row adds to each parameter's gradient. With {@link Forward} it holds
 * every number of one chain-rule epoch, so explanations and a step-by-step trace read them here
 * instead of computing them again. Arrays are reused: a pass allocates nothing.
 *
 * <p>On row r, with L the mean of the four rows' terms:
 * <ul>
 *   <li>δ_y = ∂L/∂z_y = ¼·∂term/∂ŷ·σ′(z_y), computed without cancellation ({@code Loss.outputDelta});</li>
 *   <li>δ_hj = ∂L/∂z_hj = δ_y·w(hj→y)·act′(z_hj);</li>
 *   <li>the row's contribution to ∂L/∂b_y is δ_y, to ∂L/∂w(hj→y) δ_y·a_hj, to ∂L/∂b_hj δ_hj, and to
 *       ∂L/∂w(xi→hj) δ_hj·xi: δ_hj on the rows that switch input i on, nothing on the others.</li>
 * </ul>
 * Each gradient is the sum of its contributions in row order (see {@link #gradient(int)}).
 */
public final class Backward {
    /** The forward pass this backward pass goes back through. */
    public final Forward forward;
    /** δ_y = ∂L/∂z_y per row. */
    public final double[] outputDelta = new double[Dataset.ROWS];
    /** δ_hj = ∂L/∂z_hj per row and unit, row-major: [{@link Forward#at}(r, j)]. */
    public final double[] hiddenDelta;

    public Backward(Forward forward) {
        this.forward = forward;
        this.hiddenDelta = new double[Dataset.ROWS * forward.arch.hidden()];
    }

    /** δ_hj on row r. */
    public double hiddenDelta(int r, int j) {
        return hiddenDelta[forward.at(r, j)];
    }

    /**
     * Whether row r adds anything to ∂L/∂θ_k: every row does, except that an input weight's
     * gradient takes only the rows on which its input is 1 (x·δ is 0 on the others).
     */
    public boolean contributes(int k, int r) {
        Architecture arch = forward.arch;
        return arch.kind(k) != Architecture.Kind.INPUT_WEIGHT || Dataset.input(r, arch.inputOf(k)) != 0.0;
    }

    /** Row r's contribution to ∂L/∂θ_k (0 where it {@link #contributes} nothing). */
    public double contribution(int k, int r) {
        Architecture arch = forward.arch;
        int j = arch.hiddenUnitOf(k);
        return switch (arch.kind(k)) {
            case OUTPUT_BIAS -> outputDelta[r];
            case OUTPUT_WEIGHT -> outputDelta[r] * forward.hiddenOut(r, j);
            case HIDDEN_BIAS -> hiddenDelta(r, j);
            case INPUT_WEIGHT -> contributes(k, r) ? hiddenDelta(r, j) : 0.0;
        };
    }

    /**
     * ∂L/∂θ_k: the contributions of the rows that {@link #contributes contribute}, added in row
     * order. The same double as {@link ChainRule#gradient} writes for θ_k.
     */
    public double gradient(int k) {
        double sum = 0.0;
        boolean first = true;
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (contributes(k, r)) {
                sum = first ? contribution(k, r) : sum + contribution(k, r);
                first = false;
            }
        }
        return sum;
    }
}
