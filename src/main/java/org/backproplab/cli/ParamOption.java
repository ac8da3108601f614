package org.backproplab.cli;

import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Architecture;
import picocli.CommandLine.Option;

/** {@code --param NAME}: the one parameter a command looks at (explain, epsilon), declared once for all of them. */
final class ParamOption {
    @Option(names = "--param", paramLabel = "NAME",
            description = "The parameter: w_x1_h1, b_h1, w_h1_y, b_y, ... (for --hidden H up to hH).")
    String param;

    /** The index of the parameter named, in θ's layout; a usage error (exit 2) naming the choices if none or unknown. */
    int index(Architecture arch) {
        if (param == null) {
            throw new Errors.UsageException("missing --param NAME; the parameters are: " + ParametersFile.names(arch));
        }
        int k = arch.indexOf(param);
        if (k < 0) {
            throw new Errors.UsageException("--param: unknown parameter '" + param + "'; for --hidden " + arch.hidden()
                    + " the parameters are: " + ParametersFile.names(arch));
        }
        return k;
    }
}
