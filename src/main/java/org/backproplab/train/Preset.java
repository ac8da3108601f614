package org.backproplab.train;

import java.util.Locale;
import org.backproplab.grad.Difference;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;

/** Named starting points; any command-line option overrides one field of a preset. */
public enum Preset {
    /**
     * The guide's text: sigmoid units, squared error, weights "random between 0 and 1", ε = 1e-4
     * one-sided. The learning rate and seed were chosen by measurement (see the README) so that
     * XOR is learned within a few thousand epochs, fast enough to watch.
     */
    TEXTBOOK(new Config(2, Activation.SIGMOID, Loss.MSE, Dataset.XOR, InitScheme.UNIFORM01, 1,
            2.0, 1e-4, Method.CHAIN, Difference.FORWARD, null)),
    /** The guide's companion code: ReLU, cross-entropy, numpy's randn, lr 0.03, numeric one-sided. */
    REFERENCE(new Config(2, Activation.RELU, Loss.BCE, Dataset.XOR, InitScheme.NUMPY_RANDN, 0,
            0.03, 1e-4, Method.NUMERIC, Difference.FORWARD, null));

    private final Config defaults;

    Preset(Config defaults) {
        this.defaults = defaults;
    }

    public Config defaults() {
        return defaults;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
