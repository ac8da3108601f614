package org.backproplab.cli;

import org.backproplab.grad.PlantedBug;
import org.backproplab.train.Config;
import picocli.CommandLine.Option;

/**
 * {@code --planted-bug ID}: a classic mistake planted in the chain rule, for a teacher preparing
 * a bug hunt. Part of the run options ({@link ConfigOptions} mixes it in), so every command that
 * runs the network takes it; every output then says a bug is planted.
 */
public final class PlantedBugOption {
    @Option(names = "--planted-bug", paramLabel = "ID", converter = Ids.class, completionCandidates = Ids.class,
            description = "Plant a classic mistake in the chain rule for a bug hunt (the numeric gradient stays"
                    + " right; every output says a bug is planted): ${COMPLETION-CANDIDATES}.")
    PlantedBug bug;

    /** The run with the bug planted, if one was asked for. */
    Config apply(Config c) {
        return bug == null ? c : c.withPlantedBug(bug);
    }

    static final class Ids extends ConfigOptions.IdConverter<PlantedBug> {
        Ids() {
            super(PlantedBug.values(), PlantedBug::id);
        }
    }
}
