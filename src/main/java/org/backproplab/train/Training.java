package org.backproplab.train;

import java.util.Arrays;
import org.backproplab.grad.BuggyChainRule;
import org.backproplab.grad.ChainRule;
import org.backproplab.grad.Difference;
import org.backproplab.grad.FastNumericGradient;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LossExpansion;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;

/**
 * One training run on one thread: full-batch gradient descent, every parameter updated together
 * from gradients taken at the same θ. {@link #step()} allocates nothing.
 */
public final class Training {
    /**
     * β for hypergradient descent on η when it is switched on. Measured with the chain rule, up
     * to 20k epochs, learned = all outputs within 0.1 (median epochs to learn; share learned):
     * <pre>
     *   β        textbook, seeds 0..199          reference, seeds 0..19
     *   0 (off)  760, 83%, η stays 2             2800, 3 of 20, η stays 0.03
     *   0.001    570, 83%, η ends 4.7 on average 1790, 4 of 20
     *   0.003    400, 83%, η ends 7.7            1090, 4 of 20
     *   0.01     230, 83.5%, η ends 13           510, 4 of 20
     *   0.03     190, 55% (η hits the cap 100)   230, 3 of 20
     * </pre>
     * 0.003 roughly halves the epochs of both presets without costing any start its success.
     */
    public static final double DEFAULT_ADAPTATION = 0.003;
    /** Learning rates that hypergradient descent may reach (those of the learning-rate ladder). */
    public static final double MIN_ADAPTED_RATE = LearningRates.MIN;
    public static final double MAX_ADAPTED_RATE = LearningRates.MAX;

    private final Config config;
    private final Architecture arch;
    private final Network net;
    private final ChainRule chain;
    /** The chain rule with a bug planted in it (a bug hunt), used instead of {@code chain}; null when none is. */
    private BuggyChainRule buggy;
    private final FastNumericGradient numeric;
    /** Reused by every gradient check of this run (the trainer checks at every snapshot). */
    private final LossExpansion expansion;
    private final double[] theta;
    private final double[] grad;
    private final double[] lastStep;
    private double learningRate;
    private Method method;
    private Difference difference;
    private final double epsilon;
    private long epoch;
    private double lastLoss = Double.NaN;
    private boolean diverged;
    /** Whether the last step left θ exactly as it was (then every later step repeats it). */
    private boolean standingStill;
    /** Epochs that {@link #run} skipped at a standing point, and the forward passes they stand for. */
    private long skippedPasses;
    /** The best loss in the sense of {@link Outcome#IMPROVEMENT}, and the epoch it was reached. */
    private double bestLoss = Double.POSITIVE_INFINITY;
    private long bestEpoch;
    /** β of hypergradient descent on η (0: η stays as set), the previous gradient, the last φ′(η). */
    private double adaptation;
    private final double[] previousGrad;
    private boolean hasPreviousGrad;
    private double lastLearningRateGradient = Double.NaN;

    public Training(Config config) {
        this.config = config;
        this.arch = config.architecture();
        this.net = new Network(arch, config.dataset());
        this.chain = new ChainRule(net);
        this.buggy = config.plantedBug() == null ? null : new BuggyChainRule(net, config.plantedBug());
        this.numeric = new FastNumericGradient(net);
        this.expansion = new LossExpansion(net);
        this.theta = config.initialParameters();
        this.grad = new double[theta.length];
        this.lastStep = new double[theta.length];
        this.previousGrad = new double[theta.length];
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
            loss = buggy == null ? chain.gradient(theta, grad) : buggy.gradient(theta, grad);
        } else {
            loss = numeric.gradient(theta, epsilon, difference, grad);
        }
        if (adaptation > 0.0) {
            adaptLearningRate();
        }
        // 0·θ is 0 for every finite θ and NaN for ±∞ or NaN, so this sum is NaN exactly when some
        // parameter is not finite (a plain sum of θ could overflow while every θ is finite).
        double notFinite = 0.0;
        boolean moved = false;
        for (int k = 0; k < theta.length; k++) {
            final double delta = -learningRate * grad[k];
            final double next = theta[k] + delta;
            moved |= Double.doubleToRawLongBits(next) != Double.doubleToRawLongBits(theta[k]);
            lastStep[k] = delta;
            theta[k] = next;
            notFinite += next * 0.0;
        }
        standingStill = !moved;
        if (loss < bestLoss * (1.0 - Outcome.IMPROVEMENT)) {
            bestLoss = loss;
            bestEpoch = epoch;
        }
        epoch++;
        lastLoss = loss;
        if (!Double.isFinite(loss) || notFinite != 0.0) {
            diverged = true;
        }
        return loss;
    }

    /**
     * Hypergradient descent (Baydin et al., 2018, the multiplicative form): the last step went
     * θ = θ₋ − η·g₋, so ∂L(θ)/∂η = −∇L(θ)·g₋ (see {@link org.backproplab.grad.LearningRateGradient}),
     * with ∇L(θ) the gradient just taken. η moves against it, by a fraction β of itself scaled by
     * the cosine between the two gradients: η ← η·(1 + β·cos(∇L(θ), g₋)). The cosine makes the rule
     * indifferent to the size of the gradients (which differs by orders of magnitude between
     * presets) and η can never turn negative. Costs three dot products per epoch.
     */
    private void adaptLearningRate() {
        if (hasPreviousGrad) {
            double dot = 0.0;
            double now = 0.0;
            double before = 0.0;
            for (int k = 0; k < grad.length; k++) {
                dot += grad[k] * previousGrad[k];
                now += grad[k] * grad[k];
                before += previousGrad[k] * previousGrad[k];
            }
            lastLearningRateGradient = -dot;
            double norms = Math.sqrt(now) * Math.sqrt(before);
            double next = norms > 0.0 ? learningRate * (1.0 + adaptation * (dot / norms)) : learningRate;
            if (Double.isFinite(next)) {
                learningRate = Math.min(MAX_ADAPTED_RATE, Math.max(MIN_ADAPTED_RATE, next));
            }
        }
        System.arraycopy(grad, 0, previousGrad, 0, grad.length);
        hasPreviousGrad = true;
    }

    /**
     * Runs up to n epochs, stopping early on divergence; returns the epochs run. When a step leaves
     * θ exactly as it was, with η fixed, every later step would compute the same gradient from the
     * same θ and leave it again: the rest are counted without being computed. Nothing a step
     * records tells the two apart (θ, the last step and the loss are the same doubles; the best
     * loss cannot improve on a loss it has already seen).
     */
    public long run(long n) {
        long done = 0;
        while (done < n && !diverged) {
            step();
            done++;
            if (standingStill && adaptation == 0.0 && done < n) {
                long rest = n - done;
                epoch += rest;
                skippedPasses += rest * Cost.of(method, difference, arch).forwardPasses();
                return n;
            }
        }
        return done;
    }

    /** The gradient check at the current θ. */
    public GradientCheck check() {
        return GradientCheck.at(net, theta, epsilon, difference, plantedBug(), expansion);
    }

    /** The scratch of this run's loss expansions (for the trainer's learning-rate gradient; one thread only). */
    LossExpansion expansion() {
        return expansion;
    }

    /** A forward pass at the current θ (a fresh object, safe to keep). */
    public Forward forward() {
        Forward f = new Forward(arch);
        net.forward(theta, f);
        return f;
    }

    /** Where the run stands now: learning, learned, stuck or diverged (see {@link Outcome}). */
    public Outcome outcome() {
        return Outcome.of(forward(), config.dataset(), diverged, epochsSinceImprovement());
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

    public double[] lastStep() {
        return lastStep.clone();
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

    /** The bug planted in the chain rule, or null. */
    public PlantedBug plantedBug() {
        return buggy == null ? null : buggy.bug();
    }

    /** Plants {@code bug} in the chain rule from the next epoch on (null: takes it out). */
    public void setPlantedBug(PlantedBug bug) {
        this.buggy = bug == null ? null : new BuggyChainRule(net, bug);
    }

    /**
     * Turns hypergradient descent on η on ({@code beta} > 0, see {@link #DEFAULT_ADAPTATION}) or off
     * (0). η then changes every epoch; {@link #learningRate()} shows where it is.
     */
    public void setLearningRateAdaptation(double beta) {
        if (!(beta >= 0.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("adaptation rate must be a number >= 0, got " + beta);
        }
        this.adaptation = beta;
        this.hasPreviousGrad = false;
    }

    public double learningRateAdaptation() {
        return adaptation;
    }

    /** ∂L/∂η at the current θ through the last step, −∇L(θ)·g₋, while adapting (else NaN). */
    public double lastLearningRateGradient() {
        return lastLearningRateGradient;
    }

    /** Epochs since the loss last improved by {@link Outcome#IMPROVEMENT} (relative) on its best. */
    public long epochsSinceImprovement() {
        return epoch == 0 ? 0 : epoch - 1 - bestEpoch;
    }

    /** Forward passes through the network so far, by every method (each chain-rule epoch is one). */
    public long forwardPasses() {
        return net.forwardPasses() + numeric.forwardPasses() + skippedPasses;
    }

    @Override
    public String toString() {
        return "Training[epoch=" + epoch + ", theta=" + Arrays.toString(theta) + "]";
    }
}
