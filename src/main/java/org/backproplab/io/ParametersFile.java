package org.backproplab.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.nn.Architecture;

/**
 * The parameters file of {@code --save} and {@code --init}: a JSON object with a
 * {@code "parameters"} array of {@code {"name": ..., "value": ...}}, as in {@code train}'s JSON
 * output (so the whole output of one run can start the next). Names, not positions, say which
 * value is which; the order in the file does not matter.
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

    /** The whole file for θ: {@code {"parameters": [...]}}. */
    public static String document(Architecture arch, double[] theta) {
        return Json.write(Map.of("parameters", toJson(arch, theta)));
    }

    /**
     * Writes θ to a new file in {@code dir} named {@code stem.json}, or {@code stem-1.json},
     * {@code stem-2.json} ... when that exists: an existing file is never overwritten. Returns the
     * file written.
     */
    public static Path writeNew(Path dir, String stem, Architecture arch, double[] theta) throws IOException {
        return NewFile.write(dir, stem, ".json", document(arch, theta));
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

    /**
     * Reads θ for {@code arch} from {@code file}. Any problem is an {@link InvalidFile} with one
     * line that names the file and says what is wrong and what is expected.
     */
    public static double[] read(Path file, Architecture arch) {
        String where = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidFile(where + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidFile(where + ": is a directory, not a parameters file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidFile(where + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidFile(where + ": cannot read it: " + FileErrors.reason(e));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark, as some Windows editors write
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new InvalidFile(where + ": malformed JSON at " + e.getMessage());
        }
        return fromJson(root, arch, where);
    }

    /** θ from a parsed document; {@code where} starts every error message. */
    public static double[] fromJson(Object root, Architecture arch, String where) {
        int p = arch.parameterCount();
        String expected = "expected for --hidden " + arch.hidden() + ": " + names(arch);
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("parameters") instanceof List<?> list)) {
            throw new InvalidFile(where + ": expected an object with a \"parameters\" array"
                    + " (as 'train --save' writes)");
        }
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
