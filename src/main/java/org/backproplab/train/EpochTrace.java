package org.backproplab.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Backward;
import org.backproplab.grad.BuggyChainRule;
import org.backproplab.grad.ChainRule;
import org.backproplab.grad.Difference;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;

/**
 * One epoch, operation by operation, with the engine's own numbers: by the chain rule, the
 * forward pass row by row (each hidden unit's z and a, the output's z and ŷ, the row's loss term),
 * the mean, then the backward pass row by row (∂L/∂ŷ, δ_y, each output weight's share, each hidden
 * unit's δ and the shares of the weights and bias it feeds), the sums over the rows, and the
 * update; by the numeric way, the loss at θ, then one nudge per parameter with the nodes it changes,
 * and the update. Every value is the double the engine computed (read from the {@link Forward} and
 * {@link Backward} of one {@link ChainRule} pass, or from the network's loss after each nudge), so
 * the row shares add up to the chain-rule gradient bit for bit, and {@link #after()} is the θ that
 * {@link Training#step()} makes of the same start.
 *
 * <p>Formulas are written in ASCII (w_x1_h1, sigmoid, delta_y, *): the JSON and the handouts print
 * them as they are, and the lab shows them in its own characters.
 *
 * @param config    the settings it was traced with
 * @param method    the gradient the epoch uses
 * @param difference the numeric difference (forward for the chain rule, where it plays no part)
 * @param learningRate η of the update
 * @param epsilon   the nudge of the numeric way (NaN for the chain rule)
 * @param steps     every step, in order
 * @param gradient  ∂L/∂θ by that method (what the update uses)
 * @param before    θ at the start of the epoch
 * @param after     θ after the update
 * @param lossAfter L(θ) after the update
 * @param forwardPasses forward passes the epoch ran (1 for the chain rule, beside 1 backward pass)
 */
public record EpochTrace(Config config, Method method, Difference difference, double learningRate, double epsilon,
                         List<Step> steps,
                         double[] gradient, double[] before, double[] after, double lossBefore, double lossAfter,
                         long forwardPasses) {

    /** What a step does, in the guide's words. */
    public enum Phase {
        FORWARD, LOSS, BACKWARD, UPDATE, NUDGE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One step.
     *
     * @param row       the truth-table row (0..3) it works on, or -1 for one over all rows
     * @param quantity  what it computes: z_h{j}, a_h{j}, z_y, yhat, loss_term, loss, dL_dyhat,
     *                  delta_y, delta_h{j}, or a parameter's name (its share of the gradient from this
     *                  row, its gradient over all rows, its new value, or the loss after nudging it)
     * @param formula   how, with the numbers
     * @param note      what it reuses or what reuses it, or which nodes a nudge changes ("" if none)
     * @param parameter the parameter it is about (its index in θ), or -1
     * @param unit      the hidden unit it computes or goes through (0-based), or -1
     * @param output    whether it is about the output node y
     * @param forwardPasses forward passes run so far in this epoch, this step's included
     */
    public record Step(Phase phase, int row, String quantity, double value, String formula, String note,
                       int parameter, int unit, boolean output, long forwardPasses) {
    }

    public EpochTrace {
        steps = List.copyOf(steps);
        gradient = gradient.clone();
        before = before.clone();
        after = after.clone();
    }

    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    @Override
    public double[] before() {
        return before.clone();
    }

    @Override
    public double[] after() {
        return after.clone();
    }

    /** The trace of one epoch of {@code config}'s method from θ (θ is left as it was). */
    public static EpochTrace of(Config config, double[] theta) {
        Network net = new Network(config.architecture(), config.dataset());
        return config.method() == Method.CHAIN ? chainRule(config, net, theta, config.learningRate())
                : numeric(config, net, theta, config.epsilon(), config.difference(), config.learningRate());
    }

    /** Whether this is the trace {@link #of} would make for {@code config} from θ. */
    public boolean isFor(Config config, double[] theta) {
        return java.util.Arrays.equals(before, theta) && method == config.method()
                && this.config.architecture().equals(config.architecture()) && this.config.dataset() == config.dataset()
                && Double.compare(learningRate, config.learningRate()) == 0 && (method == Method.CHAIN
                || difference == config.difference() && Double.compare(epsilon, config.epsilon()) == 0);
    }

    /** Six significant digits: enough to follow the arithmetic; the values themselves are exact. */
    private static String n(double x) {
        return x == 0 ? "0" : Numbers.sig(x, 6);
    }

    /**
     * A step's value as its formula writes it, for the lab's list of steps: the loss the nudges
     * are compared with and each nudged loss with twelve digits (a nudge changes the loss by about
     * 1e-7, which six digits hide), any other value with six.
     */
    public static String number(Step s) {
        boolean loss = s.phase() == Phase.NUDGE || s.phase() == Phase.FORWARD && s.row() < 0;
        return loss ? l(s.value()) : n(s.value());
    }

    /** A loss beside a nudged one: twelve digits, so that their difference shows several of its own. */
    private static String l(double x) {
        return Numbers.sig(x, 12);
    }

    /** a + b - c ...: each term after the first with its own sign. */
    private static StringBuilder plus(StringBuilder b, double x) {
        if (b.length() == 0) return b.append(n(x));
        return x < 0 ? b.append(" - ").append(n(-x)) : b.append(" + ").append(n(x));
    }

    private static String unit(int j) {
        return "h" + (j + 1);
    }

    private static String rowText(int r) {
        return "(" + (int) Dataset.input(r, 0) + "," + (int) Dataset.input(r, 1) + ")";
    }

    static EpochTrace chainRule(Config config, Network net, double[] theta, double lr) {
        Architecture arch = net.architecture();
        Dataset data = net.dataset();
        int h = arch.hidden();
        int p = arch.parameterCount();
        double[] g = new double[p];
        Backprop b = Backprop.of(net, config.plantedBug(), theta, g);
        double loss = b.loss;
        Forward f = b.forward;
        String act = actName(arch);
        List<Step> steps = new ArrayList<>();
        for (int r = 0; r < Dataset.ROWS; r++) {
            int x1 = (int) Dataset.input(r, 0);
            int x2 = (int) Dataset.input(r, 1);
            StringBuilder zy = new StringBuilder("z_y = ");
            StringBuilder zyNumbers = new StringBuilder();
            for (int j = 0; j < h; j++) {
                String u = unit(j);
                double z = f.hiddenSum(r, j);
                steps.add(new Step(Phase.FORWARD, r, "z_" + u, z, "z_" + u + " = x1*w_x1_" + u + " + x2*w_x2_" + u
                        + " + b_" + u + " = " + x1 + "*" + n(theta[arch.inputWeight(0, j)]) + " + " + x2 + "*"
                        + n(theta[arch.inputWeight(1, j)]) + " + " + n(theta[arch.hiddenBias(j)]) + " = " + n(z),
                        "", -1, j, false, 1));
                double a = f.hiddenOut(r, j);
                steps.add(new Step(Phase.FORWARD, r, "a_" + u, a, "a_" + u + " = " + act + "(z_" + u + ") = " + act
                        + "(" + n(z) + ") = " + n(a), "", -1, j, false, 1));
                zy.append(j > 0 ? " + " : "").append("a_").append(u).append("*w_").append(u).append("_y");
                zyNumbers.append(j > 0 ? " + " : "").append(n(a)).append('*').append(n(theta[arch.outputWeight(j)]));
            }
            double z = f.outputSum[r];
            steps.add(new Step(Phase.FORWARD, r, "z_y", z, zy + " + b_y = " + zyNumbers + " + "
                    + n(theta[arch.outputBias()]) + " = " + n(z), "", -1, -1, true, 1));
            double y = f.output[r];
            steps.add(new Step(Phase.FORWARD, r, "yhat", y, "yhat = sigmoid(z_y) = sigmoid(" + n(z) + ") = " + n(y),
                    "", -1, -1, true, 1));
            double t = data.target(r);
            steps.add(new Step(Phase.LOSS, r, "loss_term", f.lossTerm[r], lossTerm(arch.loss(), y, t, f.lossTerm[r]),
                    "", -1, -1, true, 1));
        }
        StringBuilder terms = new StringBuilder();
        for (double term : f.lossTerm) plus(terms, term);
        steps.add(new Step(Phase.LOSS, -1, "loss", loss, "L = (term_1 + term_2 + term_3 + term_4) / 4 = (" + terms
                + ") / 4 = " + n(loss),
                "the mean over the four rows: one forward pass", -1, -1, true, 1));

        for (int r = 0; r < Dataset.ROWS; r++) {
            double y = f.output[r];
            double q = f.outputComplement[r];
            double t = data.target(r);
            double dLdy = arch.loss().termDerivative(y, q, t) / Dataset.ROWS;
            steps.add(new Step(Phase.BACKWARD, r, "dL_dyhat", dLdy, dLdyhat(arch.loss(), y, t, dLdy), "", -1, -1, true, 1));
            double dy = b.outputDelta(r);
            steps.add(new Step(Phase.BACKWARD, r, "delta_y", dy, deltaY(arch.loss(), dLdy, y, q, dy),
                    "computed once on this row, used by b_y, every w_hj_y and every delta_hj below", -1, -1, true, 1));
            steps.add(share(arch, b, arch.outputBias(), r, "dL/db_y += delta_y = " + n(dy), "reuses delta_y"));
            for (int j = 0; j < h; j++) {
                String u = unit(j);
                int k = arch.outputWeight(j);
                steps.add(share(arch, b, k, r, "dL/dw_" + u + "_y += delta_y * a_" + u + " = " + n(dy) + "*"
                        + n(f.hiddenOut(r, j)) + " = " + n(b.contribution(k, r)), "reuses delta_y, and a_" + u
                        + " from the forward pass"));
            }
            for (int j = 0; j < h; j++) {
                String u = unit(j);
                double dh = b.hiddenDelta(r, j);
                steps.add(new Step(Phase.BACKWARD, r, "delta_" + u, dh, "delta_" + u + " = delta_y * w_" + u + "_y * "
                        + act + "'(z_" + u + ") = " + n(dy) + "*" + n(theta[arch.outputWeight(j)]) + "*"
                        + n(arch.activation().derivative(f.hiddenSum(r, j), f.hiddenOut(r, j))) + " = " + n(dh),
                        "reuses delta_y; computed once, used by w_x1_" + u + ", w_x2_" + u + " and b_" + u,
                        -1, j, false, 1));
                for (int i = 0; i < 2; i++) {
                    int k = arch.inputWeight(i, j);
                    int x = (int) Dataset.input(r, i);
                    steps.add(share(arch, b, k, r, "dL/dw_x" + (i + 1) + "_" + u + " += delta_" + u + " * x" + (i + 1)
                            + " = " + n(dh) + "*" + x + " = " + n(b.contribution(k, r)),
                            x == 0 ? "x" + (i + 1) + " is 0 on this row: it adds nothing" : "reuses delta_" + u));
                }
                steps.add(share(arch, b, arch.hiddenBias(j), r, "dL/db_" + u + " += delta_" + u + " = " + n(dh),
                        "reuses delta_" + u));
            }
        }
        for (int k = 0; k < p; k++) {
            StringBuilder sum = new StringBuilder();
            for (int r = 0; r < Dataset.ROWS; r++) {
                if (b.contributes(k, r)) plus(sum, b.contribution(k, r));
            }
            steps.add(new Step(Phase.BACKWARD, -1, arch.name(k), g[k], "dL/d" + arch.name(k) + " = " + sum + " = "
                    + n(g[k]), "the rows' shares, added: one backward pass in all", k, hiddenUnit(arch, k),
                    arch.kind(k) == Architecture.Kind.OUTPUT_BIAS, 1));
        }
        return finish(config, net, Method.CHAIN, Difference.FORWARD, Double.NaN, theta, g, loss, lr, steps, 1);
    }

    /**
     * The program's backward pass at θ, read step by step: backpropagation's own numbers
     * ({@link Backward}), or, with a bug planted, the numbers the buggy chain rule computes (the
     * formulas then stay the right ones, and the step where the bug lies shows numbers that do not
     * add up: the trace of a bug hunt is a way to find it). The gradient is written into {@code g}.
     */
    private static final class Backprop {
        final Forward forward;
        final double loss;
        private final Backward right;
        private final BuggyChainRule buggy;
        private final Architecture arch;

        private Backprop(Forward forward, double loss, Backward right, BuggyChainRule buggy, Architecture arch) {
            this.forward = forward;
            this.loss = loss;
            this.right = right;
            this.buggy = buggy;
            this.arch = arch;
        }

        static Backprop of(Network net, PlantedBug bug, double[] theta, double[] g) {
            if (bug == null) {
                ChainRule cr = new ChainRule(net);
                double loss = cr.gradient(theta, g);
                return new Backprop(cr.lastPass(), loss, cr.lastBackward(), null, net.architecture());
            }
            BuggyChainRule buggy = new BuggyChainRule(net, bug);
            double loss = buggy.gradient(theta, g);
            return new Backprop(buggy.lastPass(), loss, null, buggy, net.architecture());
        }

        double outputDelta(int r) {
            return buggy == null ? right.outputDelta[r] : buggy.outputError(r);
        }

        double hiddenDelta(int r, int j) {
            return buggy == null ? right.hiddenDelta(r, j) : buggy.hiddenError(r, j);
        }

        /** Whether row r adds to θ_k's gradient: an input weight's only where its input is 1. */
        boolean contributes(int k, int r) {
            return arch.kind(k) != Architecture.Kind.INPUT_WEIGHT || Dataset.input(r, arch.inputOf(k)) != 0.0;
        }

        /** Row r's share of θ_k's gradient, as the program computes it (with the bug, where one is planted). */
        double contribution(int k, int r) {
            if (buggy == null) return right.contribution(k, r);
            int j = arch.hiddenUnitOf(k);
            return switch (arch.kind(k)) {
                case OUTPUT_BIAS -> outputDelta(r);
                case OUTPUT_WEIGHT -> outputDelta(r) * forward.hiddenOut(r, j);
                case HIDDEN_BIAS -> hiddenDelta(r, j);
                case INPUT_WEIGHT -> {
                    int input = buggy.bug() == PlantedBug.SWAPPED_INPUTS ? 1 - arch.inputOf(k) : arch.inputOf(k);
                    yield hiddenDelta(r, j) * Dataset.input(r, input);
                }
            };
        }
    }

    /** A row's share of a parameter's gradient, as the backward pass computed it. */
    private static Step share(Architecture arch, Backprop b, int k, int r, String formula, String note) {
        return new Step(Phase.BACKWARD, r, arch.name(k), b.contribution(k, r), formula, note, k, hiddenUnit(arch, k),
                arch.kind(k) == Architecture.Kind.OUTPUT_BIAS || arch.kind(k) == Architecture.Kind.OUTPUT_WEIGHT, 1);
    }

    static EpochTrace numeric(Config config, Network net, double[] theta, double eps, Difference diff, double lr) {
        Architecture arch = net.architecture();
        int p = arch.parameterCount();
        double[] g = new double[p];
        double[] th = theta.clone();
        long passes = 1;
        double loss = net.loss(th);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Phase.FORWARD, -1, "loss", loss, "L = " + l(loss) + " at the parameters as they are",
                "one forward pass over the four rows, the loss every nudge is compared with", -1, -1, true, passes));
        for (int k = 0; k < p; k++) {
            String name = arch.name(k);
            double saved = th[k];
            th[k] = saved + eps;
            double up = net.loss(th);
            passes++;
            String changes = changes(net, theta, th, k);
            if (diff == Difference.FORWARD) {
                th[k] = saved;
                g[k] = (up - loss) / eps;
                steps.add(new Step(Phase.NUDGE, -1, name, up, "L(" + name + " + eps) = " + l(up) + "; slope (L(+eps) - L)"
                        + " / eps = " + n(up - loss) + " / " + Numbers.setting(eps) + " = " + n(g[k]),
                        changes + "; forward passes so far: " + passes + " (the chain rule: 1 forward + 1 backward)",
                        k, hiddenUnit(arch, k), true, passes));
            } else {
                steps.add(new Step(Phase.NUDGE, -1, name, up, "L(" + name + " + eps) = " + l(up), changes
                        + "; forward passes so far: " + passes, k, hiddenUnit(arch, k), true, passes));
                th[k] = saved - eps;
                double down = net.loss(th);
                passes++;
                String changesDown = changes(net, theta, th, k);
                th[k] = saved;
                g[k] = (up - down) / (2.0 * eps);
                steps.add(new Step(Phase.NUDGE, -1, name, down, "L(" + name + " - eps) = " + l(down)
                        + "; slope (L(+eps) - L(-eps)) / 2eps = " + n(up - down) + " / "
                        + Numbers.setting(2 * eps) + " = " + n(g[k]), changesDown + "; forward passes so far: " + passes
                        + " (the chain rule: 1 forward + 1 backward)", k, hiddenUnit(arch, k), true, passes));
            }
        }
        return finish(config, net, Method.NUMERIC, diff, eps, theta, g, loss, lr, steps, passes);
    }

    /** The update, as {@link Training#step()} makes it: θ_k + (−η·g_k), every parameter at once. */
    private static EpochTrace finish(Config config, Network net, Method method, Difference diff, double eps, double[] theta,
                                     double[] g, double loss, double lr, List<Step> steps, long passes) {
        Architecture arch = net.architecture();
        double[] after = theta.clone();
        for (int k = 0; k < after.length; k++) {
            after[k] += -lr * g[k];
            String name = arch.name(k);
            steps.add(new Step(Phase.UPDATE, -1, name, after[k], name + " <- " + name + " - lr*dL/d" + name + " = "
                    + n(theta[k]) + " - " + Numbers.setting(lr) + "*" + (g[k] < 0 ? "(" + n(g[k]) + ")" : n(g[k]))
                    + " = " + n(after[k]),
                    k == 0 ? "every parameter moves at once, after all " + after.length + " gradients are known" : "",
                    k, hiddenUnit(arch, k), arch.kind(k) == Architecture.Kind.OUTPUT_BIAS, passes));
        }
        return new EpochTrace(config, method, diff, lr, eps, steps, g, theta, after, loss, net.loss(after), passes);
    }

    private static int hiddenUnit(Architecture arch, int k) {
        return arch.kind(k) == Architecture.Kind.OUTPUT_BIAS ? -1 : arch.hiddenUnitOf(k);
    }

    /**
     * Which nodes the nudged parameters change, on which rows: read off the two forward passes
     * (at θ and nudged), so a ReLU that stays at 0 is not said to change, nor a row the nudge
     * does not reach.
     */
    private static String changes(Network net, double[] theta, double[] nudged, int k) {
        Architecture arch = net.architecture();
        Forward at = new Forward(arch);
        Forward moved = new Forward(arch);
        net.forward(theta, at);
        net.forward(nudged, moved);
        List<String> parts = new ArrayList<>();
        int h = arch.hidden();
        Architecture.Kind kind = arch.kind(k);
        if (kind == Architecture.Kind.INPUT_WEIGHT || kind == Architecture.Kind.HIDDEN_BIAS) {
            int j = arch.hiddenUnitOf(k);
            List<Integer> rows = new ArrayList<>();
            List<Integer> flat = new ArrayList<>(); // moved the unit's input, but its output stayed
            for (int r = 0; r < Dataset.ROWS; r++) {
                if (Double.compare(at.hiddenOut[r * h + j], moved.hiddenOut[r * h + j]) != 0) rows.add(r);
                else if (Double.compare(at.hiddenSum[r * h + j], moved.hiddenSum[r * h + j]) != 0) flat.add(r);
            }
            if (!rows.isEmpty()) parts.add(unit(j) + " " + rows(rows));
            if (!flat.isEmpty()) {
                parts.add("not " + unit(j) + " " + rows(flat) + ", where its input moves but "
                        + (arch.activation() == Activation.RELU ? "stays below 0 (ReLU is flat there)" : "its output rounds the same"));
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (Double.compare(at.output[r], moved.output[r]) != 0) out.add(r);
        }
        if (!out.isEmpty()) parts.add("y " + rows(out));
        if (out.isEmpty() && parts.stream().noneMatch(p -> !p.startsWith("not "))) {
            parts.add(0, "nothing on any row");
        }
        return "changes " + String.join("; ", parts);
    }

    /** "on all four rows", "on (1,0) and (1,1)", "on (0,1)". */
    private static String rows(List<Integer> rows) {
        if (rows.size() == Dataset.ROWS) return "on all four rows";
        List<String> names = rows.stream().map(EpochTrace::rowText).toList();
        return "on " + (names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1));
    }

    private static String actName(Architecture arch) {
        return switch (arch.activation()) {
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case RELU -> "relu";
        };
    }

    private static String lossTerm(Loss loss, double y, double t, double term) {
        if (loss == Loss.MSE) {
            return "term = (yhat - t)^2 = (" + n(y) + " - " + (int) t + ")^2 = " + n(term);
        }
        String clip = y < Loss.CLIP || y > 1 - Loss.CLIP ? " (yhat clipped to [1e-15, 1 - 1e-15])" : "";
        return (t == 0 ? "term = -ln(1 - yhat) = -ln(1 - " : "term = -ln(yhat) = -ln(") + n(y) + ")" + clip + " = " + n(term);
    }

    private static String dLdyhat(Loss loss, double y, double t, double value) {
        if (loss == Loss.MSE) {
            return "dL/dyhat = (1/4)*2*(yhat - t) = (1/4)*2*(" + n(y) + " - " + (int) t + ") = " + n(value);
        }
        return "dL/dyhat = (1/4)*(-t/yhat + (1-t)/(1-yhat)) = " + n(value)
                + (value == 0 && (y < Loss.CLIP || y > 1 - Loss.CLIP) ? " (the clip holds yhat still)" : "");
    }

    private static String deltaY(Loss loss, double dLdy, double y, double q, double value) {
        String chain = "delta_y = dL/dyhat * sigmoid'(z_y) = dL/dyhat * yhat*(1 - yhat) = ";
        if (loss == Loss.MSE) {
            return chain + n(dLdy) + "*" + n(y) + "*" + n(q) + " = " + n(value);
        }
        return chain + "(1/4)*(yhat - t) (sigmoid' cancels against dL/dyhat) = " + n(value);
    }
}
