package org.backproplab.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;

/**
 * A run's settings as the JSON {@code "config"} object: printed by the commands' JSON, carried by
 * saved files ({@code train --save}, the lab's {@code w}) and read back by {@code --init}.
 */
public final class RunSettings {
    /** The preset name of a run that came from none (the lab's trainer says so). */
    static final String NO_PRESET = "custom";

    private RunSettings() {
    }

    /**
     * What a saved file says about the run that wrote it. A null field was not in the file (an
     * older file, or one written by hand): the preset and the command line decide it then.
     */
    public record Saved(Preset preset, Integer hidden, Activation activation, Loss loss, Dataset dataset,
                        InitScheme initScheme, Long seed, Double learningRate, Double epsilon, Method method,
                        Difference difference) {
        public static final Saved NONE = new Saved(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The settings of {@code c} under the name of its preset. {@code "init"} is "file" when the run
     * started from saved parameters (as it always said); {@code "initScheme"} is the draw's scheme either way.
     */
    public static Map<String, Object> toJson(Config c, String preset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset);
        m.put("hidden", c.hidden());
        m.put("activation", c.activation().id());
        m.put("loss", c.loss().id());
        m.put("dataset", c.dataset().id());
        m.put("init", c.init() != null ? "file" : c.initScheme().id());
        m.put("initScheme", c.initScheme().id());
        m.put("seed", c.seed());
        m.put("lr", c.learningRate());
        m.put("epsilon", c.epsilon());
        m.put("method", c.method().id());
        m.put("difference", c.difference().id());
        m.put("plantedBug", c.plantedBug() == null ? null : c.plantedBug().id());
        return m;
    }

    /**
     * The settings in a file's {@code "config"} object ({@code null}: none). Any value that is there
     * must be valid; {@code where} starts the message of the {@link ParametersFile.InvalidFile} otherwise.
     */
    public static Saved fromJson(Object config, String where) {
        if (config == null) {
            return Saved.NONE;
        }
        if (!(config instanceof Map<?, ?> m)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" must be an object of settings");
        }
        String preset = text(m, "preset", where);
        Object init = m.get("init");
        InitScheme scheme = id(m, "initScheme", InitScheme.values(), InitScheme::id, where);
        if (scheme == null && init instanceof String s && !s.equals("file")) {
            scheme = id(m, "init", InitScheme.values(), InitScheme::id, where); // files from before "initScheme"
        }
        Double hidden = number(m, "hidden", where);
        Double seed = number(m, "seed", where);
        Double lr = number(m, "lr", where);
        Double epsilon = number(m, "epsilon", where);
        if (hidden != null && !(hidden == Math.rint(hidden) && hidden >= Architecture.MIN_HIDDEN
                && hidden <= Architecture.MAX_HIDDEN)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" has hidden " + Numbers.setting(hidden) + ", not a count of units");
        }
        if (seed != null && !(seed == Math.rint(seed) && seed >= 0 && seed <= 0xFFFF_FFFFL)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" has seed " + Numbers.setting(seed) + ", not one of 0..4294967295");
        }
        if (lr != null && !(lr > 0)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" has lr " + Numbers.setting(lr) + ", not a number > 0");
        }
        if (epsilon != null && !(epsilon > 0 && epsilon <= Config.MAX_EPSILON)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" has epsilon " + Numbers.setting(epsilon)
                    + ", not > 0 and <= " + Numbers.setting(Config.MAX_EPSILON));
        }
        return new Saved(preset == null || preset.equals(NO_PRESET) ? null
                        : id(m, "preset", Preset.values(), Preset::id, where),
                hidden == null ? null : hidden.intValue(),
                id(m, "activation", Activation.values(), Activation::id, where),
                id(m, "loss", Loss.values(), Loss::id, where),
                id(m, "dataset", Dataset.values(), Dataset::id, where),
                scheme,
                seed == null ? null : seed.longValue(),
                lr, epsilon,
                id(m, "method", Method.values(), Method::id, where),
                id(m, "difference", Difference.values(), Difference::id, where));
    }

    private static String text(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" has a " + key + " that is not text");
        }
        return (String) v;
    }

    private static Double number(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v != null && !(v instanceof Double)) {
            throw new ParametersFile.InvalidFile(where + ": \"config\" has a " + key + " that is not a number");
        }
        return (Double) v;
    }

    private static <E> E id(Map<?, ?> m, String key, E[] values, Function<E, String> id, String where) {
        String s = text(m, key, where);
        if (s == null) {
            return null;
        }
        for (E e : values) {
            if (id.apply(e).equals(s)) {
                return e;
            }
        }
        throw new ParametersFile.InvalidFile(where + ": \"config\" has " + key + " '" + s + "', not one of "
                + String.join(", ", Arrays.stream(values).map(id).toList()));
    }
}
