package org.backproplab.train;

import java.util.Arrays;
import org.backproplab.grad.ChainRule;
import org.backproplab.grad.Difference;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.NumericGradient;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;

/**
 * One training run on one thread: full-batch gradient descent, every parameter updated together
 * from gradients taken at the same θ. {@link #step()} allocates nothing.
 */
public final class Training {
    /** Within this of its target, a prediction counts as learned (for {@code sweep}). */
    public static final double LEARNED_TOLERANCE = 0.1;

    private final Config config;
    private final Architecture arch;
    private final Network net;
    private final ChainRule chain;
    private final NumericGradient numeric;
    private final double[] theta;
    private final double[] grad;
    private final double[] lastStep;
    private double learningRate;
    private Method method;
    private Difference difference;
    private double epsilon;
    private long epoch;
    private double lastLoss = Double.NaN;
    private boolean diverged;

    public Training(Config config) {
        this.config = config;
        this.arch = config.architecture();
        this.net = new Network(arch, config.dataset());
        this.chain = new ChainRule(net);
        this.numeric = new NumericGradient(net);
        this.theta = config.initialParameters();
        this.grad = new double[theta.length];
        this.lastStep = new double[theta.length];
        this.learningRate = config.learningRate();
        this.method = config.method();
        this.difference = config.difference();
        this.epsilon = config.epsilon();
        this.diverged = !allFinite(theta);
    }

    /**
     * One epoch: the gradient at θ by the chosen method, then θ ← θ − η·g. Returns L(θ) before the
     * step (the loss the gradient was taken at). Does nothing once diverged.
     */
    public double step() {
        if (diverged) {
            return lastLoss;
        }
        final double loss;
        if (method == Method.CHAIN) {
            loss = chain.gradient(theta, grad);
        } else {
            loss = net.loss(theta);
            numeric.gradient(theta, loss, epsilon, difference, grad);
        }
        // 0·θ is 0 for every finite θ and NaN for ±∞ or NaN, so this sum is NaN exactly when some
        // parameter is not finite (a plain sum of θ could overflow while every θ is finite).
        double notFinite = 0.0;
        for (int k = 0; k < theta.length; k++) {
            final double delta = -learningRate * grad[k];
            lastStep[k] = delta;
            theta[k] += delta;
            notFinite += theta[k] * 0.0;
        }
        epoch++;
        lastLoss = loss;
        if (!Double.isFinite(loss) || notFinite != 0.0) {
            diverged = true;
        }
        return loss;
    }

    /** Runs up to n epochs, stopping early on divergence; returns the epochs run. */
    public long run(long n) {
        long done = 0;
        while (done < n && !diverged) {
            step();
            done++;
        }
        return done;
    }

    /** The gradient check at the current θ. */
    public GradientCheck check() {
        return GradientCheck.at(net, theta, epsilon, difference);
    }

    /** A forward pass at the current θ (a fresh object, safe to keep). */
    public Forward forward() {
        Forward f = new Forward(arch);
        net.forward(theta, f);
        return f;
    }

    /** Whether every prediction is within {@link #LEARNED_TOLERANCE} of its target. */
    public static boolean learned(Forward f, Dataset data) {
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (!(Math.abs(f.output[r] - data.target(r)) < LEARNED_TOLERANCE)) return false;
        }
        return true;
    }

    /** Whether every row is right: the output rounded to 0 or 1 equals the target. */
    public static boolean allRight(Forward f, Dataset data) {
        for (int r = 0; r < Dataset.ROWS; r++) {
            if (!rowRight(f.output[r], data.target(r))) return false;
        }
        return true;
    }

    public static boolean rowRight(double output, double target) {
        return (output >= 0.5 ? 1.0 : 0.0) == target; // NaN is never right
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) return false;
        }
        return true;
    }

    public Config config() {
        return config;
    }

    public Architecture architecture() {
        return arch;
    }

    public Network network() {
        return net;
    }

    public double[] parameters() {
        return theta.clone();
    }

    /** θ itself, for callers that copy it out without allocating (the trainer's snapshots). */
    double[] parametersView() {
        return theta;
    }

    public double[] lastStep() {
        return lastStep.clone();
    }

    double[] lastStepView() {
        return lastStep;
    }

    public long epoch() {
        return epoch;
    }

    public boolean diverged() {
        return diverged;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double lr) {
        this.learningRate = lr;
    }

    public Method method() {
        return method;
    }

    public void setMethod(Method m) {
        this.method = m;
    }

    public Difference difference() {
        return difference;
    }

    public void setDifference(Difference d) {
        this.difference = d;
    }

    public double epsilon() {
        return epsilon;
    }

    public void setEpsilon(double e) {
        this.epsilon = e;
    }

    /** Forward passes spent by numeric gradients so far. */
    public long numericForwardPasses() {
        return numeric.forwardPasses();
    }

    @Override
    public String toString() {
        return "Training[epoch=" + epoch + ", theta=" + Arrays.toString(theta) + "]";
    }
}
