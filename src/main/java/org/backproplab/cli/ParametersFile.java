package org.backproplab.cli;

import java.nio.file.Path;
import org.backproplab.nn.Architecture;

/** Reads and writes the parameters JSON of --save / --init (to be completed with the train command). */
final class ParametersFile {
    private ParametersFile() {
    }

    static double[] read(Path file, Architecture arch) {
        throw new Errors.UsageException("--init is not implemented yet: " + file);
    }
}
