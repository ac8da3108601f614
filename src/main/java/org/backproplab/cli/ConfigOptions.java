package org.backproplab.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.backproplab.grad.Difference;
import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that define a run, shared by every command: a preset, and any field of it
 * overridden. Unset options are null, so only what the user typed overrides the preset.
 */
public final class ConfigOptions {

    @Option(names = "--preset", paramLabel = "NAME", converter = PresetConverter.class,
            completionCandidates = PresetConverter.class,
            description = "Starting point: ${COMPLETION-CANDIDATES} (default: textbook).")
    Preset preset;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the starting weights, 0..4294967295 (default: the preset's).")
    Long seed;

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden units, 1..8 (default: 2).")
    Integer hidden;

    @Option(names = "--activation", paramLabel = "NAME", converter = ActivationConverter.class,
            completionCandidates = ActivationConverter.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES}.")
    Activation activation;

    @Option(names = "--loss", paramLabel = "NAME", converter = LossConverter.class,
            completionCandidates = LossConverter.class,
            description = "Loss, the mean over the four rows: ${COMPLETION-CANDIDATES}.")
    Loss loss;

    @Option(names = "--dataset", paramLabel = "GATE", converter = DatasetConverter.class,
            completionCandidates = DatasetConverter.class,
            description = "Gate to learn: ${COMPLETION-CANDIDATES} (default: xor).")
    Dataset dataset;

    @Option(names = "--init-scheme", paramLabel = "NAME", converter = InitSchemeConverter.class,
            completionCandidates = InitSchemeConverter.class,
            description = "Starting weights: ${COMPLETION-CANDIDATES}.")
    InitScheme initScheme;

    @Option(names = "--lr", paramLabel = "RATE", converter = NumberConverter.class,
            description = "Learning rate, > 0.")
    Double learningRate;

    @Option(names = "--epsilon", paramLabel = "EPS", converter = NumberConverter.class,
            description = "Nudge for the numeric gradient, > 0 and <= 0.1.")
    Double epsilon;

    @Option(names = "--method", paramLabel = "NAME", converter = MethodConverter.class,
            completionCandidates = MethodConverter.class,
            description = "Gradient that drives training: ${COMPLETION-CANDIDATES}.")
    Method method;

    @Option(names = "--difference", paramLabel = "NAME", converter = DifferenceConverter.class,
            completionCandidates = DifferenceConverter.class,
            description = "Numeric difference: ${COMPLETION-CANDIDATES} (forward as in the guide).")
    Difference difference;

    @Option(names = "--init", paramLabel = "FILE",
            description = "Start from parameters saved by --save (JSON).")
    Path initFile;

    @Mixin
    PlantedBugOption plantedBug = new PlantedBugOption();

    /** The preset chosen (textbook when none was). */
    public Preset preset() {
        return preset != null ? preset : Preset.TEXTBOOK;
    }

    /**
     * The run these options describe. Throws {@link Errors.UsageException} (exit 2) with one line
     * naming the bad value and what is allowed.
     */
    public Config toConfig() {
        Config d = preset().defaults();
        int h = hidden != null ? hidden : d.hidden();
        if (h < Architecture.MIN_HIDDEN || h > Architecture.MAX_HIDDEN) {
            throw new Errors.UsageException("--hidden must be " + Architecture.MIN_HIDDEN + ".."
                    + Architecture.MAX_HIDDEN + ", got " + h);
        }
        double lr = learningRate != null ? learningRate : d.learningRate();
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new Errors.UsageException("--lr must be a finite number > 0, got " + Fmt.plain(lr));
        }
        double eps = epsilon != null ? epsilon : d.epsilon();
        if (!(eps > 0) || eps > Config.MAX_EPSILON) {
            throw new Errors.UsageException("--epsilon must be > 0 and <= " + Config.MAX_EPSILON + ", got " + Fmt.plain(eps));
        }
        long s = seed != null ? seed : d.seed();
        if (s < 0 || s > 0xFFFF_FFFFL) {
            throw new Errors.UsageException("--seed must be 0..4294967295, got " + s);
        }
        Config c = new Config(h,
                activation != null ? activation : d.activation(),
                loss != null ? loss : d.loss(),
                dataset != null ? dataset : d.dataset(),
                initScheme != null ? initScheme : d.initScheme(),
                s, lr, eps,
                method != null ? method : d.method(),
                difference != null ? difference : d.difference(),
                null);
        if (initFile != null) {
            try {
                c = c.withInit(ParametersFile.read(initFile, c.architecture()));
            } catch (ParametersFile.InvalidFile e) {
                throw new Errors.UsageException("--init " + e.getMessage());
            }
        }
        return plantedBug.apply(c);
    }

    // ---- converters: lower-case names, and an error that lists what is allowed ----

    /** Converts by a lower-case id; iterates the ids for help and completion. */
    abstract static class IdConverter<E> implements ITypeConverter<E>, Iterable<String> {
        private final List<E> values;
        private final Function<E, String> id;

        IdConverter(E[] values, Function<E, String> id) {
            this.values = Arrays.asList(values);
            this.id = id;
        }

        @Override
        public E convert(String s) {
            String wanted = s.toLowerCase(Locale.ROOT);
            for (E e : values) {
                if (id.apply(e).equals(wanted)) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + s + "' is not one of " + String.join(", ", this));
        }

        @Override
        public Iterator<String> iterator() {
            return values.stream().map(id).iterator();
        }
    }

    static final class PresetConverter extends IdConverter<Preset> {
        PresetConverter() {
            super(Preset.values(), Preset::id);
        }
    }

    static final class ActivationConverter extends IdConverter<Activation> {
        ActivationConverter() {
            super(Activation.values(), Activation::id);
        }
    }

    static final class LossConverter extends IdConverter<Loss> {
        LossConverter() {
            super(Loss.values(), Loss::id);
        }
    }

    static final class DatasetConverter extends IdConverter<Dataset> {
        DatasetConverter() {
            super(Dataset.values(), Dataset::id);
        }
    }

    static final class InitSchemeConverter extends IdConverter<InitScheme> {
        InitSchemeConverter() {
            super(InitScheme.values(), InitScheme::id);
        }
    }

    static final class MethodConverter extends IdConverter<Method> {
        MethodConverter() {
            super(Method.values(), Method::id);
        }
    }

    static final class DifferenceConverter extends IdConverter<Difference> {
        DifferenceConverter() {
            super(Difference.values(), Difference::id);
        }
    }

    /** A decimal number; "NaN" and "Infinity" are refused by the range checks after parsing. */
    static final class NumberConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String s) {
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + s + "' is not a number");
            }
        }
    }
}
