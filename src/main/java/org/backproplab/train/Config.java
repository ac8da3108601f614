package org.backproplab.train;

import java.util.Arrays;
import org.backproplab.grad.Difference;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;

/**
 * Everything that defines a run. {@code init}, when not null, holds starting parameters (from
 * {@code --init}) that replace the seeded draw. {@code plantedBug}, when not null, is a mistake
 * planted in the chain rule for a bug hunt ({@code --planted-bug}, key b): training and the
 * gradient check then take the chain-rule gradient from {@link org.backproplab.grad.BuggyChainRule}.
 */
public record Config(int hidden, Activation activation, Loss loss, Dataset dataset, InitScheme initScheme,
                     long seed, double learningRate, double epsilon, Method method, Difference difference,
                     double[] init, PlantedBug plantedBug) {
    public static final double MAX_EPSILON = 0.1;

    public Config {
        new Architecture(hidden, activation, loss); // validates
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a number > 0, got " + learningRate);
        }
        if (!(epsilon > 0) || epsilon > MAX_EPSILON) {
            throw new IllegalArgumentException("epsilon must be > 0 and <= " + MAX_EPSILON + ", got " + epsilon);
        }
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be 0..4294967295, got " + seed);
        }
        if (init != null) {
            if (init.length != 4 * hidden + 1) {
                throw new IllegalArgumentException("starting parameters: need " + (4 * hidden + 1) + ", got " + init.length);
            }
            init = init.clone();
        }
    }

    /** A run with no bug planted. */
    public Config(int hidden, Activation activation, Loss loss, Dataset dataset, InitScheme initScheme,
                  long seed, double learningRate, double epsilon, Method method, Difference difference, double[] init) {
        this(hidden, activation, loss, dataset, initScheme, seed, learningRate, epsilon, method, difference,
                init, null);
    }

    @Override
    public double[] init() {
        return init == null ? null : init.clone();
    }

    public Architecture architecture() {
        return new Architecture(hidden, activation, loss);
    }

    /** The starting θ: the saved parameters if given, else the seeded draw. */
    public double[] initialParameters() {
        return init != null ? init.clone() : initScheme.draw(architecture(), seed);
    }

    public Config withHidden(int h) {
        return new Config(h, activation, loss, dataset, initScheme, seed, learningRate, epsilon, method, difference,
                h == hidden ? init : null, plantedBug);
    }

    public Config withActivation(Activation a) {
        return new Config(hidden, a, loss, dataset, initScheme, seed, learningRate, epsilon, method,
                difference, init, plantedBug);
    }

    public Config withDataset(Dataset d) {
        return new Config(hidden, activation, loss, d, initScheme, seed, learningRate, epsilon, method,
                difference, init, plantedBug);
    }

    /** A new seed means a new draw: saved starting parameters no longer apply. */
    public Config withSeed(long s) {
        return new Config(hidden, activation, loss, dataset, initScheme, s, learningRate, epsilon, method,
                difference, null, plantedBug);
    }

    public Config withLearningRate(double lr) {
        return new Config(hidden, activation, loss, dataset, initScheme, seed, lr, epsilon, method, difference,
                init, plantedBug);
    }

    public Config withMethod(Method m) {
        return new Config(hidden, activation, loss, dataset, initScheme, seed, learningRate, epsilon, m,
                difference, init, plantedBug);
    }

    public Config withDifference(Difference d) {
        return new Config(hidden, activation, loss, dataset, initScheme, seed, learningRate, epsilon, method,
                d, init, plantedBug);
    }

    public Config withInit(double[] parameters) {
        return new Config(hidden, activation, loss, dataset, initScheme, seed, learningRate, epsilon, method,
                difference,
                parameters, plantedBug);
    }

    /** The same run with {@code bug} planted in its chain rule (null: none). */
    public Config withPlantedBug(PlantedBug bug) {
        return new Config(hidden, activation, loss, dataset, initScheme, seed, learningRate, epsilon, method,
                difference,
                init, bug);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && hidden == c.hidden && activation == c.activation && loss == c.loss
                && dataset == c.dataset && initScheme == c.initScheme && seed == c.seed
                && Double.compare(learningRate, c.learningRate) == 0 && Double.compare(epsilon, c.epsilon) == 0
                && method == c.method && difference == c.difference && Arrays.equals(init, c.init)
                && plantedBug == c.plantedBug;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {hidden, activation, loss, dataset, initScheme, seed, learningRate,
                epsilon, method, difference, plantedBug}) * 31 + Arrays.hashCode(init);
    }

    @Override
    public String toString() {
        return "Config[hidden=" + hidden + ", activation=" + activation.id() + ", loss=" + loss.id()
                + ", dataset=" + dataset.id() + ", init=" + (init != null ? "saved" : initScheme.id())
                + ", seed=" + seed + ", lr=" + learningRate + ", epsilon=" + epsilon + ", method=" + method.id()
                + ", difference=" + difference.id()
                + (plantedBug != null ? ", plantedBug=" + plantedBug.id() : "") + "]";
    }
}
