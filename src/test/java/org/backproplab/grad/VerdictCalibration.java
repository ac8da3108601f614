package org.backproplab.grad;

import java.util.Locale;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.backproplab.train.Training;

/**
 * How {@link GradientCheck#FACTOR} was chosen: on real runs, how far |numeric − chain| goes
 * beyond the predicted error when the chain rule is right, and how far it goes when a bug is
 * planted. Both presets, every activation, seeds 0..4, the parameters after 0, 100, 1,000, 10,000
 * and 100,000 epochs, both differences, ε from 1e-1 to 1e-8 every half decade. Prints, per
 * difference and ε, the largest ratio |numeric − chain| / (predicted + the chain rule's rounding)
 * over every correct row, and per planted bug the smallest (over the same states, at ε = 1e-4
 * forward and central) of the largest ratio over a check's rows: a bug is found when some row
 * reads bad; and the largest ratio on a trained textbook run when the loss's rounding is taken as
 * u·|L| instead of δL. Run:
 *
 * <pre>java -cp target/test-classes:target/backprop-lab.jar org.backproplab.grad.VerdictCalibration</pre>
 */
public final class VerdictCalibration {
    private static final long[] EPOCHS = {0, 100, 1_000, 10_000, 100_000};
    private static final int SEEDS = 5;

    private VerdictCalibration() {
    }

    public static void main(String[] args) {
        int steps = 15; // 1e-1 .. 1e-8
        double[][] worst = new double[2][steps];
        String[][] where = new String[2][steps];
        int bugs = PlantedBug.values().length;
        double[][] bugWorst = new double[2][bugs];
        String[][] bugWhere = new String[2][bugs];
        int[][] bugMatters = new int[2][bugs];
        int[][] bugFound = new int[2][bugs];
        double[][] startWorst = new double[2][bugs];
        int[][] startFound = new int[2][bugs];
        int[][] startMatters = new int[2][bugs];
        for (double[] w : startWorst) java.util.Arrays.fill(w, Double.POSITIVE_INFINITY);
        for (double[] w : bugWorst) java.util.Arrays.fill(w, Double.POSITIVE_INFINITY);
        long states = 0;
        long rows = 0;
        for (Preset preset : Preset.values()) {
          for (Activation act : Activation.values()) {
            for (org.backproplab.nn.Loss loss : org.backproplab.nn.Loss.values()) {
             for (int hidden = 1; hidden <= 3; hidden++) {
              for (org.backproplab.nn.Dataset gate : new org.backproplab.nn.Dataset[] {org.backproplab.nn.Dataset.XOR, org.backproplab.nn.Dataset.AND}) {
                for (long seed = 0; seed < SEEDS; seed++) {
                    Config base = preset.defaults();
                    Config c = new Config(hidden, act, loss, gate, base.initScheme(), seed, base.learningRate(),
                            base.epsilon(), base.method(), base.difference(), null);
                    Training t = new Training(c);
                    Network net = new Network(c.architecture(), c.dataset());
                    for (long epochs : EPOCHS) {
                        t.run(epochs - t.epoch());
                        if (t.diverged()) break;
                        double[] theta = t.parameters();
                        states++;
                        String state = preset.id() + " " + act.id() + " " + loss.id() + " H=" + hidden + " " + gate.id()
                                + " seed " + seed + " epoch " + epochs;
                        for (Difference d : Difference.values()) {
                            for (int i = 0; i < steps; i++) {
                                double eps = Math.pow(10, -1 - i / 2.0);
                                GradientCheck check = GradientCheck.at(net, theta, eps, d);
                                for (GradientCheck.Entry e : check.entries()) {
                                    rows++;
                                    double r = ratio(e);
                                    if (!(r <= worst[d.ordinal()][i])) {
                                        worst[d.ordinal()][i] = r;
                                        where[d.ordinal()][i] = state + " " + e.name() + " " + e.reason().text();
                                    }
                                }
                            }
                            GradientCheck right = GradientCheck.at(net, theta, 1e-4, d);
                            for (PlantedBug bug : PlantedBug.values()) {
                                GradientCheck check = GradientCheck.at(net, theta, 1e-4, d, bug);
                                double most = 0;
                                double changed = 0;
                                double size = 0;
                                for (int k = 0; k < theta.length; k++) {
                                    GradientCheck.Entry e = check.entries().get(k);
                                    most = Math.max(most, ratio(e));
                                    changed = Math.max(changed, Math.abs(e.chainRule() - right.entries().get(k).chainRule()));
                                    size = Math.max(size, Math.abs(right.entries().get(k).chainRule()));
                                }
                                // a bug can be found only where it changes the gradient: 1% of its largest component
                                if (!(changed >= 0.01 * size) || size == 0) continue;
                                int b = bug.ordinal();
                                bugMatters[d.ordinal()][b]++;
                                if (check.entries().stream().anyMatch(e -> e.verdict() == GradientCheck.Verdict.BAD)) {
                                    bugFound[d.ordinal()][b]++;
                                }
                                if (epochs == 0) {
                                    startMatters[d.ordinal()][b]++;
                                    if (most > GradientCheck.FACTOR) startFound[d.ordinal()][b]++;
                                    startWorst[d.ordinal()][b] = Math.min(startWorst[d.ordinal()][b], most);
                                }
                                if (most < bugWorst[d.ordinal()][b]) {
                                    bugWorst[d.ordinal()][b] = most;
                                    bugWhere[d.ordinal()][b] = state;
                                }
                            }
                        }
                    }
                }
              }
             }
            }
          }
        }
        roundingModels();
        System.out.printf(Locale.ROOT, "%,d states, %,d correct rows%n", states, rows);
        System.out.println("largest |numeric - chain| / (predicted + chain rounding), correct chain rule:");
        for (Difference d : Difference.values()) {
            for (int i = 0; i < steps; i++) {
                System.out.printf(Locale.ROOT, "  %-8s eps 1e-%-4s %8.3f  (%s)%n", d.id(), trim(1 + i / 2.0),
                        worst[d.ordinal()][i], where[d.ordinal()][i]);
            }
        }
        System.out.println("planted bugs, eps 1e-4, states where the bug changes the gradient by 1% or more:");
        System.out.println("  the states where some row reads bad, and the smallest largest-ratio of a check");
        for (Difference d : Difference.values()) {
            for (PlantedBug bug : PlantedBug.values()) {
                int b = bug.ordinal();
                System.out.printf(Locale.ROOT, "  %-8s %-16s %4d of %4d  %10.3g  (%s); at the start %d of %d, %.3g%n",
                        d.id(), bug.id(), bugFound[d.ordinal()][b], bugMatters[d.ordinal()][b], bugWorst[d.ordinal()][b],
                        bugWhere[d.ordinal()][b], startFound[d.ordinal()][b], startMatters[d.ordinal()][b],
                        startWorst[d.ordinal()][b]);
            }
        }
    }

    /**
     * Why δL and not u·|L|: the textbook run after 100,000 epochs, one-sided, the largest
     * |numeric − chain| over the prediction with δL and over one that takes the loss's rounding as u·|L|.
     */
    private static void roundingModels() {
        Config c = Preset.TEXTBOOK.defaults();
        Training t = new Training(c);
        t.run(100_000);
        Network net = new Network(c.architecture(), c.dataset());
        double[] theta = t.parameters();
        LossExpansion x = new LossExpansion(net);
        System.out.println("the loss's rounding taken as deltaL or as u*|L|: textbook after 100,000 epochs, one-sided:");
        for (double eps : new double[] {1e-6, 1e-8}) {
            double withDelta = 0;
            double withUL = 0;
            GradientCheck check = GradientCheck.at(net, theta, eps, Difference.FORWARD);
            for (int k = 0; k < theta.length; k++) {
                GradientCheck.Entry e = check.entries().get(k);
                double uL = LossExpansion.U * Math.abs(x.alongParameter(theta, k).coefficient(0));
                withDelta = Math.max(withDelta, e.absoluteError() / e.predicted().total());
                withUL = Math.max(withUL, e.absoluteError() / (e.predicted().truncation() + 2 * uL / eps));
            }
            System.out.printf(Locale.ROOT, "  eps %.0e: largest |numeric - chain| / predicted %.2f with deltaL, %.1f with u*|L|%n",
                    eps, withDelta, withUL);
        }
    }

    private static double ratio(GradientCheck.Entry e) {
        double allowed = e.predicted().total() + e.predicted().chainRounding();
        return allowed == 0 ? (e.absoluteError() == 0 ? 0 : Double.POSITIVE_INFINITY) : e.absoluteError() / allowed;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
