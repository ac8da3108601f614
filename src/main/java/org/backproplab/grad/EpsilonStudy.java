package org.backproplab.grad;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;

/**
 * How the numeric gradient of one parameter depends on ε: both differences for ε from 1e-1 down to
 * 1e-13, every half decade, each against the chain rule, beside the error predicted for it
 * ({@link PredictedError}). Truncation falls with ε and rounding grows as ε shrinks, so the error
 * draws a V; its bottom is the best ε. The predicted best steps balance the two:
 * ε* = 2·sqrt(δL/|L″|) one-sided and (3·δL/|L‴|)^(1/3) central, with δL the loss's rounding
 * ({@link LossExpansion#lossRounding}; on an untrained network about u·|L|).
 *
 * <p>An error can be exactly 0: where θ_k reaches the loss only through a dead ReLU unit, a nudge
 * changes no output, L(θ+ε) = L(θ) bit for bit, and the difference is the chain rule's 0 with
 * neither truncation nor rounding. Then no single ε is best ({@link Best#exact}).
 *
 * @param parameter the parameter's name
 * @param value     θ_k
 * @param chainRule the chain-rule gradient the numeric values are compared with (the program's:
 *                  with a bug planted, the buggy one)
 * @param loss      L(θ)
 * @param rows      one per ε, largest first
 * @param curvature L″ along θ_k (by the chain rule in forward mode)
 * @param thirdDerivative L‴ along θ_k
 * @param lossRounding    δL
 * @param deadPath  where θ_k reaches the loss only through a ReLU that is off on every row it acts
 *                  on, which unit; null otherwise (and for the output bias)
 */
public record EpsilonStudy(String parameter, double value, double chainRule, double loss, List<Row> rows,
                           Best bestForward, Best bestCentral, double predictedBestForward, double predictedBestCentral,
                           double curvature, double thirdDerivative, double lossRounding, DeadPath deadPath) {
    /** The ε of the guide (and of both presets). */
    public static final double GUIDE_EPSILON = 1e-4;
    /** 1e-1, 10^-1.5, 1e-2, … 1e-13. */
    private static final int STEPS = 25;

    /** One ε: both numeric values, their errors against the chain rule, and the errors predicted. */
    public record Row(double epsilon, double forward, double central, double forwardError, double centralError,
                      double predictedForwardError, double predictedCentralError) {
        public double error(Difference d) {
            return d == Difference.FORWARD ? forwardError : centralError;
        }

        public double predicted(Difference d) {
            return d == Difference.FORWARD ? predictedForwardError : predictedCentralError;
        }
    }

    /**
     * A parameter whose every path to the loss runs through a ReLU at 0: hidden unit {@code unit}
     * ("h2") is off (z ≤ 0) on every row ({@code input} null: a dead unit), or, for an input
     * weight, on every row where its input {@code input} ("x1") is 1, the input being 0 on the
     * others. A small nudge of the parameter then changes no output.
     */
    public record DeadPath(String unit, String input) {
    }

    /**
     * The ε with the smallest error measured, and that error; {@code exact} lists every ε whose
     * error is exactly 0, largest first. When more than one ε is exact none of them is the best:
     * {@code epsilon} is then NaN.
     */
    public record Best(double epsilon, double error, List<Double> exact) {
        public Best {
            exact = List.copyOf(exact);
        }

        /** Whether one ε has the smallest error (false when several are exact). */
        public boolean single() {
            return !Double.isNaN(epsilon);
        }
    }

    public EpsilonStudy {
        rows = List.copyOf(rows);
    }

    /** The ε of row i: 10^(−1 − i/2). */
    public static double epsilon(int i) {
        return Math.pow(10, -1 - i / 2.0);
    }

    /** The study of parameter k at θ (θ is left as it was), against the chain-rule value {@code chainRule}. */
    public static EpsilonStudy of(Network net, double[] theta, int k, double chainRule) {
        LossExpansion x = new LossExpansion(net).alongParameter(theta, k);
        List<Row> rows = new ArrayList<>(STEPS);
        for (int i = 0; i < STEPS; i++) {
            double eps = epsilon(i);
            Explanation.Numeric forward = Explanation.numeric(net, theta, k, eps, Difference.FORWARD, x);
            Explanation.Numeric central = Explanation.numeric(net, theta, k, eps, Difference.CENTRAL, x);
            rows.add(new Row(eps, forward.gradient(), central.gradient(), Math.abs(forward.gradient() - chainRule),
                    Math.abs(central.gradient() - chainRule), forward.predicted().total(), central.predicted().total()));
        }
        DeadPath dead = deadPath(net, theta, k);
        if (dead != null) {
            rows = exactWhereNothingMoves(rows);
        }
        double curvature = x.derivative(2);
        double third = x.derivative(3);
        double delta = x.lossRounding();
        return new EpsilonStudy(net.architecture().name(k), theta[k], chainRule, x.coefficient(0), rows,
                best(rows, Difference.FORWARD), best(rows, Difference.CENTRAL),
                PredictedError.bestStep(Difference.FORWARD, delta, curvature, third),
                PredictedError.bestStep(Difference.CENTRAL, delta, curvature, third), curvature, third, delta, dead);
    }

    /**
     * Behind a dead path, a difference exact at every ε was predicted so too: the nudged loss is
     * the same double as L(θ), so neither truncation nor rounding has anything to act on. Its
     * predicted error is 0 (the general prediction's rounding term, 2·δL/ε, assumes two losses
     * computed apart, which these are not).
     */
    private static List<Row> exactWhereNothingMoves(List<Row> rows) {
        boolean forward = rows.stream().allMatch(r -> r.forwardError() == 0.0);
        boolean central = rows.stream().allMatch(r -> r.centralError() == 0.0);
        if (!forward && !central) return rows;
        List<Row> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new Row(r.epsilon(), r.forward(), r.central(), r.forwardError(), r.centralError(),
                    forward ? 0.0 : r.predictedForwardError(), central ? 0.0 : r.predictedCentralError()));
        }
        return out;
    }

    private static Best best(List<Row> rows, Difference d) {
        Row best = rows.get(0);
        List<Double> exact = new ArrayList<>();
        for (Row r : rows) {
            if (r.error(d) < best.error(d)) best = r;
            if (r.error(d) == 0.0) exact.add(r.epsilon());
        }
        return new Best(exact.size() > 1 ? Double.NaN : best.epsilon(), best.error(d), exact);
    }

    /** Where every path of θ_k to the loss runs through a ReLU at 0, which; else null. */
    private static DeadPath deadPath(Network net, double[] theta, int k) {
        Architecture arch = net.architecture();
        int j = arch.hiddenUnitOf(k);
        if (j < 0 || !arch.activation().hasKink()) return null;
        Forward f = new Forward(arch);
        net.forward(theta, f);
        String unit = "h" + (j + 1);
        if (f.dead(j)) return new DeadPath(unit, null);
        if (arch.kind(k) != Architecture.Kind.INPUT_WEIGHT) return null;
        int i = arch.inputOf(k);
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (Dataset.input(r, i) != 0.0 && f.hiddenSum(r, j) > 0.0) return null;
        }
        return new DeadPath(unit, "x" + (i + 1));
    }

    /** Whether difference d is exactly the chain rule's value at every ε. */
    public boolean exactEverywhere(Difference d) {
        return best(d).exact().size() == rows.size();
    }

    /** Whether some ε of either difference gives exactly the chain rule's value. */
    public boolean anyExact() {
        return !bestForward.exact().isEmpty() || !bestCentral.exact().isEmpty();
    }

    public Best best(Difference d) {
        return d == Difference.FORWARD ? bestForward : bestCentral;
    }

    public double predictedBest(Difference d) {
        return d == Difference.FORWARD ? predictedBestForward : predictedBestCentral;
    }

    /** The row of the guide's ε = 1e-4. */
    public Row guideRow() {
        return rows.get(6);
    }

    /** Where a step stands against the best one: on which side of the V, and how far. */
    public enum Side {
        TRUNCATION("ε too large: truncation dominates", "too large: truncation"),
        ROUNDING("ε too small: rounding dominates", "too small: rounding"),
        NEAR("near the best", "near the best"),
        /** The error is exactly 0 there: nothing dominates. */
        EXACT("exact, nothing dominates", "exact");

        private final String words;
        private final String shortWords;

        Side(String words, String shortWords) {
            this.words = words;
            this.shortWords = shortWords;
        }

        public String words() {
            return words;
        }

        /** The same, shorter, where a line is narrow. */
        public String shortWords() {
            return shortWords;
        }
    }

    /**
     * Which side of the V the guide's ε sits on for difference {@code d}, by the prediction (the
     * measured points are noisy on the rounding side): within a factor of 3 of ε* it is near the best;
     * where its error is exactly 0, exact.
     */
    public Side guideSide(Difference d) {
        if (guideRow().error(d) == 0.0) return Side.EXACT;
        double star = predictedBest(d);
        if (!(star > 0)) return Side.ROUNDING; // no curvature: nothing but rounding, the larger ε the better
        if (GUIDE_EPSILON > 3 * star) return Side.TRUNCATION;
        if (GUIDE_EPSILON < star / 3) return Side.ROUNDING;
        return Side.NEAR;
    }
}
