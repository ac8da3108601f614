package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.io.ParametersFile;
import org.backproplab.io.RunSettings;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that define a run, shared by every command: a preset, and any field of it
 * overridden. Unset options are null, so only what the user typed overrides the preset.
 */
public class ConfigOptions {

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
            description = "Start from parameters saved by --save or the lab's w key (JSON), with the settings saved"
                    + " with them; any option typed overrides one of those settings.")
    Path initFile;

    @Mixin
    PlantedBugOption plantedBug = new PlantedBugOption();

    /** Where the notes of {@link #toConfig} go: the command these options belong to. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** What {@link #toConfig} found: the preset the settings start from, and the --init file. */
    private Preset resolvedPreset;
    private ParametersFile.Contents initContents;

    /** The preset the run's settings start from: --preset, else the --init file's, else textbook. */
    public Preset preset() {
        return resolvedPreset != null ? resolvedPreset : preset != null ? preset : Preset.TEXTBOOK;
    }

    /** Where the --init file's parameters came from, with the epochs they had in all (after {@link #toConfig}); null without --init. */
    ParametersFile.Origin origin() {
        return initContents != null ? ParametersFile.Origin.of(initFile.toString(), initContents) : null;
    }

    /**
     * The run these options describe. Each setting is the option typed, else the {@code --init}
     * file's (unless {@code --preset} was typed), else the preset's; the hidden units are those the
     * file's parameters are for. When the command line changes a setting the file has, one line on
     * stderr says which. Throws {@link Errors.UsageException} (exit 2) with one line naming the bad
     * value and what is allowed.
     */
    public Config toConfig() {
        ParametersFile.Contents file = null;
        if (initFile != null) {
            try {
                file = ParametersFile.load(initFile);
            } catch (ParametersFile.InvalidFile e) {
                throw new Errors.UsageException("--init " + e.getMessage());
            }
        }
        RunSettings.Saved saved = file != null ? file.settings() : RunSettings.Saved.NONE;
        Preset base = preset != null ? preset : saved.preset() != null ? saved.preset() : Preset.TEXTBOOK;
        Config d = base.defaults();
        Picker pick = new Picker(preset != null ? "--preset " + preset.id() : null);

        Integer fileHidden = file == null ? null : file.hidden() != null ? file.hidden() : saved.hidden();
        int h = hidden != null ? hidden : fileHidden != null ? fileHidden : d.hidden();
        if (h < Architecture.MIN_HIDDEN || h > Architecture.MAX_HIDDEN) {
            throw new Errors.UsageException("--hidden must be " + Architecture.MIN_HIDDEN + ".."
                    + Architecture.MAX_HIDDEN + ", got " + h);
        }
        double lr = pick.of("--lr", learningRate, saved.learningRate(), d.learningRate(), Numbers::setting);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new Errors.UsageException("--lr must be a finite number > 0, got " + Numbers.setting(lr));
        }
        double eps = pick.of("--epsilon", epsilon, saved.epsilon(), d.epsilon(), Numbers::setting);
        if (!(eps > 0) || eps > Config.MAX_EPSILON) {
            throw new Errors.UsageException("--epsilon must be > 0 and <= " + Numbers.setting(Config.MAX_EPSILON) + ", got " + Numbers.setting(eps));
        }
        long s = pick.of("--seed", seed, saved.seed(), d.seed(), String::valueOf);
        if (s < 0 || s > 0xFFFF_FFFFL) {
            throw new Errors.UsageException("--seed must be 0..4294967295, got " + s);
        }
        Config c = new Config(h,
                pick.of("--activation", activation, saved.activation(), d.activation(), Activation::id),
                pick.of("--loss", loss, saved.loss(), d.loss(), Loss::id),
                pick.of("--dataset", dataset, saved.dataset(), d.dataset(), Dataset::id),
                pick.of("--init-scheme", initScheme, saved.initScheme(), d.initScheme(), InitScheme::id),
                s, lr, eps,
                pick.of("--method", method, saved.method(), d.method(), Method::id),
                pick.of("--difference", difference, saved.difference(), d.difference(), Difference::id),
                null);
        if (file != null) {
            try {
                c = c.withInit(file.parameters(c.architecture()));
            } catch (ParametersFile.InvalidFile e) {
                throw new Errors.UsageException("--init " + e.getMessage());
            }
            if (!pick.changes().isEmpty()) {
                note("the command line overrides settings saved in " + initFile + ": " + pick.changes());
            }
        }
        resolvedPreset = base;
        initContents = file;
        return plantedBug.apply(c);
    }

    /** One line on the command's stderr. */
    private void note(String line) {
        CommandLine cl = mixee != null ? mixee.commandLine() : null;
        PrintWriter err = cl != null ? cl.getErr() : new PrintWriter(System.err, true);
        err.println((cl != null ? cl.getCommandSpec().qualifiedName() : Main.NAME) + ": " + line);
        err.flush();
    }

    /** Each setting from the command line, the --init file or the preset, and what the command line changed. */
    private static final class Picker {
        /** "--lr 1 (the file has 0.03)", ... and the same changed by a typed preset. */
        private final List<String> overrides = new ArrayList<>();
        private final List<String> byPreset = new ArrayList<>();
        /** "--preset NAME" when typed: then the preset's settings win over the file's. */
        private final String typedPreset;

        Picker(String typedPreset) {
            this.typedPreset = typedPreset;
        }

        <T> T of(String option, T typed, T saved, T fromPreset, Function<T, String> show) {
            T v = typed != null ? typed : saved != null && typedPreset == null ? saved : fromPreset;
            if (saved != null && !saved.equals(v)) {
                String change = show.apply(v) + " (the file has " + show.apply(saved) + ")";
                if (typed != null) {
                    overrides.add(option + " " + change);
                } else {
                    byPreset.add(option.substring(2) + " " + change);
                }
            }
            return v;
        }

        /** Every change, typed options first; empty when the command line changed nothing the file says. */
        String changes() {
            List<String> all = new ArrayList<>(overrides);
            if (!byPreset.isEmpty()) {
                all.add(typedPreset + " sets " + String.join(", ", byPreset));
            }
            return String.join("; ", all);
        }
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

    /**
     * A decimal number as people write it (0.03, 1e-4, .5); not Java's other forms (2f, 0x1p1, 1d).
     * "NaN" and "Infinity" pass here so that the range checks after parsing say what is allowed.
     */
    static final class NumberConverter implements ITypeConverter<Double> {
        /** A decimal, perhaps with a point and an exponent: 0.03, 1e-4, .5, 1000.0 (whole numbers read it too). */
        static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        /** inf, Infinity, nan as people and other programs write them: read, so that the range check says why not. */
        private static final Pattern NOT_FINITE = Pattern.compile("([+-]?)(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

        @Override
        public Double convert(String s) {
            String t = s.strip();
            java.util.regex.Matcher m = NOT_FINITE.matcher(t);
            if (m.matches()) {
                if (m.group(2).equalsIgnoreCase("nan")) return Double.NaN;
                return m.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (!DECIMAL.matcher(t).matches()) {
                throw new TypeConversionException("'" + s + "' is not a number");
            }
            return Double.valueOf(t);
        }
    }
}
