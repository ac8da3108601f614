package org.backproplab.train;

import java.util.List;
import org.backproplab.grad.Difference;
import org.backproplab.nn.Architecture;

/**
 * What one training epoch costs by one method, counted in passes through the network (the guide's
 * "significant computational savings", made countable). With P parameters:
 * <ul>
 *   <li>chain rule: 1 forward pass and 1 backward pass, whatever P;</li>
 *   <li>numeric, one-sided: 1 + P forward passes (L(θ), then one nudge per parameter);</li>
 *   <li>numeric, central: 2P forward passes for the gradient (θ_k ± ε), plus 1 for L(θ), the loss
 *       the epoch reports: 2P + 1 in all.</li>
 * </ul>
 * {@link #forwardPasses} is what {@link Training#step()} really runs ({@code TrainingTest} counts
 * them through the network). Pair it with {@link Bench} for the measured epochs per second.
 *
 * @param formula how the count comes about, in terms of P ("1 + P", "2P + 1", "1")
 */
public record Cost(Method method, Difference difference, int parameters, long forwardPasses, long backwardPasses,
                   String formula) {

    public static Cost of(Method method, Difference difference, Architecture arch) {
        int p = arch.parameterCount();
        if (method == Method.CHAIN) {
            return new Cost(method, difference, p, 1, 1, "1");
        }
        return difference == Difference.FORWARD
                ? new Cost(method, difference, p, 1L + p, 0, "1 + P")
                : new Cost(method, difference, p, 2L * p + 1, 0, "2P + 1");
    }

    /** Chain rule, numeric one-sided, numeric central: the three rows of the cost view. */
    public static List<Cost> all(Architecture arch) {
        return List.of(of(Method.CHAIN, Difference.FORWARD, arch), of(Method.NUMERIC, Difference.FORWARD, arch),
                of(Method.NUMERIC, Difference.CENTRAL, arch));
    }

    /** How it reads: "1 forward + 1 backward pass", "1 + P = 10 forward passes". */
    public String describe() {
        if (method == Method.CHAIN) {
            return "1 forward + 1 backward pass";
        }
        return formula + " = " + forwardPasses + " forward passes";
    }
}
