package org.backproplab.cli;

import java.util.Iterator;
import java.util.stream.IntStream;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Preset;
import picocli.CommandLine.Option;

/** {@code --param NAME}: the one parameter a command looks at (explain, epsilon), declared once for all of them. */
final class ParamOption {
    @Option(names = "--param", paramLabel = "NAME", completionCandidates = DefaultParameterNames.class,
            description = "The parameter, by its name or its label on screen (with -> or the arrow the lab shows):"
                    + " w_x1_h1 or x1->h1, b_h1 or 'b h1', w_h1_y or h1->y, b_y or 'b y' (for --hidden H up to hH).")
    String param;

    /** For shell completion: the parameters of the default network (a completion script cannot see --hidden). */
    static final class DefaultParameterNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            Architecture arch = Preset.TEXTBOOK.defaults().architecture();
            return IntStream.range(0, arch.parameterCount()).mapToObj(arch::name).iterator();
        }
    }

    /** The index of the parameter named, in θ's layout; a usage error (exit 2) naming the choices if none or unknown. */
    int index(Architecture arch) {
        if (param == null) {
            throw new Errors.UsageException("missing --param NAME; the parameters (file name = label on screen) are: "
                    + arch.namesAndLabels());
        }
        int k = arch.indexOfNameOrLabel(param);
        if (k < 0) {
            throw new Errors.UsageException("--param: unknown parameter '" + param + "'; for --hidden " + arch.hidden()
                    + " the parameters (file name = label on screen, either works) are: " + arch.namesAndLabels());
        }
        return k;
    }
}
