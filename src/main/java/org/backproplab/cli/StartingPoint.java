package org.backproplab.cli;

import org.backproplab.grad.BuggyChainRule;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;

/**
 * Where the one-shot commands (gradcheck, explain, epsilon) look: the run's starting parameters
 * (its draw, or --init's), on its network.
 */
record StartingPoint(Config config, Network network, double[] theta) {
    static StartingPoint of(Config config) {
        return new StartingPoint(config, new Network(config.architecture(), config.dataset()), config.initialParameters());
    }

    Architecture architecture() {
        return config.architecture();
    }

    /** The program's chain-rule gradient here: the planted bug's when one is planted. */
    double[] chainRule() {
        double[] g = new double[theta.length];
        BuggyChainRule.gradient(network, config.plantedBug(), theta, g);
        return g;
    }
}
