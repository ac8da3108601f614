package org.backproplab.grad;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;

/**
 * How one parameter's gradient comes about, both ways, with the real numbers: the guide's
 * numeric steps (nudge, forward, loss, difference, revert) and the chain rule's product of local
 * derivatives on each of the four rows. The CLI's {@code explain} and the TUI's explain view
 * render this record; it computes nothing they need to recompute.
 *
 * @param parameter the parameter's name ({@code w_x1_h1}, ...)
 * @param label     its label on screen ({@code x1→h1}, ...)
 * @param value     θ_k
 */
public record Explanation(String parameter, String label, double value, Numeric numeric, ChainRuleSteps chainRule) {

    /**
     * The numeric way. For a forward difference: gradient = (lossAfter − lossBefore) / ε. For a
     * central one: gradient = (lossAfter − lossAfterDown) / 2ε, with θ_k − ε giving lossAfterDown
     * (both NaN for a forward difference). {@code gradient} is exactly what
     * {@link NumericGradient} gives for this parameter; {@code predicted} is the error it should
     * have, |gradient − exact ∂L/∂θ_k|, from the loss's own shape along θ_k.
     */
    public record Numeric(Difference difference, double epsilon, double lossBefore, double nudgedValue,
                          double lossAfter, double nudgedDownValue, double lossAfterDown, double gradient,
                          PredictedError predicted) {
    }

    /** One local derivative in a row's product: its name in formulas, an ASCII spelling, its value. */
    public record Factor(String name, String ascii, double value) {
    }

    /**
     * One row of the truth table: its inputs and target, the factors from the loss back to the
     * parameter, and their product (the factors multiplied left to right).
     */
    public record Row(double x1, double x2, double target, List<Factor> factors, double product) {
        public double[] inputs() {
            return new double[] {x1, x2};
        }
    }

    /**
     * The chain rule's way: one product per row, and their sum (which is ∂L/∂θ_k).
     * {@code formula} names the factors of every row's product, e.g.
     * {@code ∂L/∂ŷ · σ′(z_y) · w(h1→y) · σ′(z_h1) · x1}; {@code asciiFormula} spells it in ASCII.
     */
    public record ChainRuleSteps(String formula, String asciiFormula, List<Row> rows, double gradient) {
    }

    /**
     * Explains parameter {@code k} of {@code net} at θ (θ is left exactly as it was).
     *
     * <p>The factors, for row r (with L the mean over the four rows, so ∂L/∂ŷ carries the ¼):
     * <ul>
     *   <li>{@code w_xi_hj}: ∂L/∂ŷ · σ′(z_y) · w(hj→y) · act′(z_hj) · xi</li>
     *   <li>{@code b_hj}: ∂L/∂ŷ · σ′(z_y) · w(hj→y) · act′(z_hj)</li>
     *   <li>{@code w_hj_y}: ∂L/∂ŷ · σ′(z_y) · a_hj</li>
     *   <li>{@code b_y}: ∂L/∂ŷ · σ′(z_y)</li>
     * </ul>
     */
    public static Explanation of(Network net, double[] theta, int k, double eps, Difference diff) {
        Architecture arch = net.architecture();
        LossExpansion along = new LossExpansion(net).alongParameter(theta, k);
        return new Explanation(arch.name(k), arch.label(k, false), theta[k], numeric(net, theta, k, eps, diff, along),
                chainRule(net, theta, k));
    }

    /**
     * The guide's steps 1–5 for parameter k, computed as {@link NumericGradient} does, and the error
     * predicted for them from {@code along}, the loss expanded along θ_k at θ.
     */
    static Numeric numeric(Network net, double[] theta, int k, double eps, Difference diff, LossExpansion along) {
        final double saved = theta[k];
        final double before = net.loss(theta);
        try {
            theta[k] = saved + eps;
            final double nudged = theta[k];
            final double after = net.loss(theta);
            final PredictedError predicted = PredictedError.forParameter(along, saved, diff, eps);
            if (diff == Difference.FORWARD) {
                return new Numeric(diff, eps, before, nudged, after, Double.NaN, Double.NaN, (after - before) / eps,
                        predicted);
            }
            theta[k] = saved - eps;
            final double nudgedDown = theta[k];
            final double down = net.loss(theta);
            return new Numeric(diff, eps, before, nudged, after, nudgedDown, down, (after - down) / (2.0 * eps),
                    predicted);
        } finally {
            theta[k] = saved;
        }
    }

    static ChainRuleSteps chainRule(Network net, double[] theta, int k) {
        Architecture arch = net.architecture();
        Dataset data = net.dataset();
        Activation activation = arch.activation();
        Forward f = new Forward(arch);
        net.forward(theta, f);
        Architecture.Kind kind = arch.kind(k);
        int j = arch.hiddenUnitOf(k);
        String unit = "h" + (j + 1);
        List<Row> rows = new ArrayList<>(Dataset.ROWS);
        double sum = 0.0;
        for (int r = 0; r < Dataset.ROWS; r++) {
            double yhat = f.output[r];
            double q = f.outputComplement[r];
            double t = data.target(r);
            List<Factor> factors = new ArrayList<>(5);
            factors.add(new Factor("∂L/∂ŷ", "dL/dyhat", arch.loss().termDerivative(yhat, q, t) / Dataset.ROWS));
            factors.add(new Factor("σ′(z_y)", "sigmoid'(z_y)", Activation.sigmoidSlope(yhat, q)));
            switch (kind) {
                case OUTPUT_BIAS -> { }
                case OUTPUT_WEIGHT -> factors.add(new Factor("a_" + unit, "a_" + unit, f.hiddenOut(r, j)));
                case HIDDEN_BIAS, INPUT_WEIGHT -> {
                    factors.add(new Factor("w(" + unit + "→y)", "w(" + unit + "->y)", theta[arch.outputWeight(j)]));
                    factors.add(new Factor(activation.symbol() + "′(z_" + unit + ")", activation.id() + "'(z_" + unit + ")",
                            activation.derivative(f.hiddenSum(r, j), f.hiddenOut(r, j))));
                    if (kind == Architecture.Kind.INPUT_WEIGHT) {
                        String x = "x" + (arch.inputOf(k) + 1);
                        factors.add(new Factor(x, x, Dataset.input(r, arch.inputOf(k))));
                    }
                }
            }
            double product = 1.0;
            for (Factor factor : factors) {
                product *= factor.value();
            }
            sum += product;
            rows.add(new Row(Dataset.input(r, 0), Dataset.input(r, 1), t, List.copyOf(factors), product));
        }
        String formula = String.join(" · ", rows.get(0).factors().stream().map(Factor::name).toList());
        String ascii = String.join(" * ", rows.get(0).factors().stream().map(Factor::ascii).toList());
        return new ChainRuleSteps(formula, ascii, List.copyOf(rows), sum);
    }
}
