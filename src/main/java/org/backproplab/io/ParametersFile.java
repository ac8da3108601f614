package org.backproplab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.format.Numbers;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Config;

/**
 * The parameters file of {@code --save}, the lab's {@code w} and {@code --init}: a JSON object with
 * a {@code "parameters"} array of {@code {"name": ..., "value": ...}}, as in {@code train}'s JSON
 * output (so the whole output of one run can start the next), and the {@code "epochs"} and
 * {@code "config"} of the run that wrote it. Names, not positions, say which value is which; the
 * order in the file does not matter.
 */
public final class ParametersFile {
    private ParametersFile() {
    }

    /** A file that cannot be used: the message is one line that starts with the file's name. */
    public static final class InvalidFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFile(String message) {
            super(message);
        }
    }

    /** More than this is surely not a parameters file (one is a few KB): refused before it fills the memory. */
    public static final int MAX_BYTES = 4 << 20;

    /**
     * A parameters file as read: θ by name, and the settings and epochs of the run that wrote it
     * (when the file has them: files from before they were saved hold only "parameters").
     *
     * @param where    the file's name, which starts every error message
     * @param settings the run's settings ({@link RunSettings.Saved#NONE} when the file has none)
     * @param epochs   the epochs the run had done when it was saved, or null when the file does not say
     * @param startEpochs the epochs its starting parameters had had, when it started from a file that said
     */
    public record Contents(String where, List<?> parameters, RunSettings.Saved settings, Long epochs,
                           Long startEpochs) {
        /**
         * The epochs these parameters have been trained in all: the saving run's, and those its own
         * start had (the {@code "initEpochs"} of its settings, when it started from a file); null
         * when the file does not say.
         */
        public Long totalEpochs() {
            if (epochs == null || startEpochs == null) {
                return epochs;
            }
            long total = epochs + startEpochs;
            return total < 0 ? Long.MAX_VALUE : total; // both below 2^63: an overflow shows as negative
        }

        /** The hidden units these parameters are for (P = 4H + 1), or null when no H fits their number. */
        public Integer hidden() {
            int n = parameters.size();
            int h = (n - 1) / 4;
            return n % 4 == 1 && h >= Architecture.MIN_HIDDEN && h <= Architecture.MAX_HIDDEN ? h : null;
        }

        /** θ for {@code arch}; an {@link InvalidFile} when the names are not exactly those of {@code arch}. */
        public double[] parameters(Architecture arch) {
            return ParametersFile.parameters(parameters, arch, where);
        }
    }

    /**
     * Where a run's starting parameters came from: the file, and the epochs they had been trained
     * in all (null when the file does not say). Saved with the run's settings as {@code "initFile"}
     * and {@code "initEpochs"}, so that a file saved from a file still counts every epoch.
     */
    public static final class Origin {
        private final String file;
        private final Long epochs;
        /** Made once: the lab's status row asks for them on every frame. */
        private final List<String> forms;

        public Origin(String file, Long epochs) {
            this.file = file;
            this.epochs = epochs;
            this.forms = epochs == null ? List.of(file)
                    : List.of(file + ", saved after " + Numbers.count(epochs, "epoch"), file);
        }

        public static Origin of(String file, Contents contents) {
            return new Origin(file, contents.totalEpochs());
        }

        public String file() {
            return file;
        }

        /** The epochs the parameters had in all, or null when the file did not say. */
        public Long epochs() {
            return epochs;
        }

        /** How it is said, longest first: "FILE, saved after 1,010 epochs" (when known), "FILE". */
        public List<String> forms() {
            return forms;
        }

        /** Adds {@code "initFile"} and {@code "initEpochs"} (when known) to a run's settings. */
        public Map<String, Object> addTo(Map<String, Object> settings) {
            settings.put("initFile", file);
            if (epochs != null) {
                settings.put("initEpochs", epochs);
            }
            return settings;
        }
    }

    /**
     * The whole file for a run at {@code epochs}: {@code {"epochs", "config", "parameters"}}, the
     * fields of train's JSON that {@code --init} reads back; {@code origin} (null: none) is where
     * the run's starting parameters came from.
     */
    public static String document(Config config, String preset, long epochs, double[] theta, Origin origin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        Map<String, Object> settings = RunSettings.toJson(config, preset);
        m.put("config", origin == null || config.init() == null ? settings : origin.addTo(settings));
        m.put("parameters", toJson(config.architecture(), theta));
        return Json.write(m);
    }

    /**
     * Writes the run to a new file in {@code dir} named {@code stem.json}, or {@code stem-1.json},
     * {@code stem-2.json} ... when that exists: an existing file is never overwritten. Returns the
     * file written.
     */
    public static Path writeNew(Path dir, String stem, Config config, String preset, long epochs, double[] theta,
                                Origin origin) throws IOException {
        return NewFile.write(dir, stem, ".json", document(config, preset, epochs, theta, origin));
    }

    /** θ as the {@code "parameters"} array: names in θ's order, values exactly. */
    public static List<Map<String, Object>> toJson(Architecture arch, double[] theta) {
        List<Map<String, Object>> list = new ArrayList<>(theta.length);
        for (int k = 0; k < theta.length; k++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", arch.name(k));
            p.put("value", theta[k]);
            list.add(p);
        }
        return list;
    }

    /** Reads θ for {@code arch} from {@code file} (see {@link #load}). */
    public static double[] read(Path file, Architecture arch) {
        return load(file).parameters(arch);
    }

    /**
     * Reads a parameters file. Any problem is an {@link InvalidFile} with one line that names the
     * file and says what is wrong and what is expected.
     */
    public static Contents load(Path file) {
        String where = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidFile(where + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidFile(where + ": is a directory, not a parameters file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // bounded: a device or a fifo may never end
        } catch (IOException e) {
            throw new InvalidFile(where + ": cannot read it: " + FileErrors.reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidFile(where + ": larger than " + (MAX_BYTES >> 20) + " MB, so not a parameters file"
                    + " (one is a few KB)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFile(where + ": not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some Windows editors write
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.TooDeepException e) {
            throw new InvalidFile(where + ": not a parameters file: at " + e.getMessage()
                    + " (a parameters file nests 3 deep)");
        } catch (Json.SyntaxException e) {
            throw new InvalidFile(where + ": malformed JSON at " + e.getMessage());
        }
        return contents(root, where);
    }

    /** The contents of a parsed document; {@code where} starts every error message. */
    public static Contents contents(Object root, String where) {
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("parameters") instanceof List<?> list)) {
            throw new InvalidFile(where + ": expected an object with a \"parameters\" array"
                    + " (as 'train --save' writes)");
        }
        Long epochs = null;
        if (doc.get("epochs") != null) {
            if (!(doc.get("epochs") instanceof Double e) || !(e >= 0 && e == Math.rint(e) && e < 0x1p63)) {
                throw new InvalidFile(where + ": \"epochs\" must be a whole number >= 0");
            }
            epochs = e.longValue();
        }
        Long startEpochs = null;
        if (doc.get("config") instanceof Map<?, ?> config && config.get("initEpochs") != null) {
            if (!(config.get("initEpochs") instanceof Double e) || !(e >= 0 && e == Math.rint(e) && e < 0x1p62)) {
                throw new InvalidFile(where + ": \"initEpochs\" must be a whole number >= 0");
            }
            startEpochs = e.longValue();
        }
        return new Contents(where, list, RunSettings.fromJson(doc.get("config"), where), epochs, startEpochs);
    }

    /** θ from a parsed document; {@code where} starts every error message. */
    public static double[] fromJson(Object root, Architecture arch, String where) {
        return contents(root, where).parameters(arch);
    }

    private static double[] parameters(List<?> list, Architecture arch, String where) {
        int p = arch.parameterCount();
        String expected = "expected for --hidden " + arch.hidden() + ": " + names(arch);
        // A file saved with another --hidden: say so, rather than only naming a stranger.
        String otherHidden = list.size() != p && list.size() > 1 && (list.size() - 1) % 4 == 0
                ? " (the file has " + list.size() + " parameters, as saved with --hidden " + (list.size() - 1) / 4 + ")"
                : "";
        double[] theta = new double[p];
        boolean[] seen = new boolean[p];
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("name") instanceof String name)) {
                throw new InvalidFile(where + ": parameters[" + i + "] must be an object with a"
                        + " \"name\" (text) and a \"value\" (number)");
            }
            int k = arch.indexOf(name);
            if (k < 0) {
                throw new InvalidFile(where + ": unknown parameter '" + name + "'" + otherHidden
                        + "; " + expected);
            }
            if (seen[k]) {
                throw new InvalidFile(where + ": parameter '" + name + "' appears twice");
            }
            if (!(entry.get("value") instanceof Double value)) {
                throw new InvalidFile(where + ": parameter '" + name + "' needs a number as \"value\"");
            }
            if (!Double.isFinite(value)) {
                throw new InvalidFile(where + ": parameter '" + name + "' is not a finite number"
                        + " (too large for a double)");
            }
            seen[k] = true;
            theta[k] = value;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            if (!seen[k]) {
                missing.add(arch.name(k));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidFile(where + ": missing " + (missing.size() == 1 ? "parameter " : "parameters ")
                    + String.join(", ", missing) + otherHidden + "; " + expected);
        }
        return theta;
    }

    public static String names(Architecture arch) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < arch.parameterCount(); k++) {
            names.add(arch.name(k));
        }
        return String.join(", ", names);
    }
}
