package org.backproplab.nn;

/**
 * The shape of the network: 2 inputs, {@code hidden} units, 1 sigmoid output, and the loss.
 *
 * <p>All parameters live in one flat {@code double[]} θ, in the order numpy draws them in the
 * guide's code: W1 (2×H, row-major, W1[i][j] = input i → hidden j), b1, W2, b2. So P = 4H + 1.
 */
public record Architecture(int hidden, Activation activation, Loss loss) {
    public static final int INPUTS = 2;
    public static final int MIN_HIDDEN = 1;
    public static final int MAX_HIDDEN = 8;

    public Architecture {
        if (hidden < MIN_HIDDEN || hidden > MAX_HIDDEN) {
            throw new IllegalArgumentException("hidden units must be " + MIN_HIDDEN + ".." + MAX_HIDDEN + ", got " + hidden);
        }
        if (activation == null || loss == null) {
            throw new IllegalArgumentException("activation and loss are required");
        }
    }

    public int parameterCount() {
        return outputBias() + 1;
    }

    /** Index of the weight from input i to hidden unit j (both 0-based). */
    public int inputWeight(int i, int j) {
        return i * hidden + j;
    }

    public int hiddenBias(int j) {
        return 2 * hidden + j;
    }

    public int outputWeight(int j) {
        return 3 * hidden + j;
    }

    public int outputBias() {
        return 4 * hidden;
    }

    /** The kind of parameter at index k. */
    public enum Kind { INPUT_WEIGHT, HIDDEN_BIAS, OUTPUT_WEIGHT, OUTPUT_BIAS }

    public Kind kind(int k) {
        if (k < 0) throw new IndexOutOfBoundsException(k);
        if (k < hiddenBias(0)) return Kind.INPUT_WEIGHT;
        if (k < outputWeight(0)) return Kind.HIDDEN_BIAS;
        if (k < outputBias()) return Kind.OUTPUT_WEIGHT;
        if (k == outputBias()) return Kind.OUTPUT_BIAS;
        throw new IndexOutOfBoundsException(k);
    }

    /** The hidden unit a parameter belongs to (0-based), or -1 for the output bias. */
    public int hiddenUnitOf(int k) {
        return switch (kind(k)) {
            case INPUT_WEIGHT -> k % hidden;
            case HIDDEN_BIAS -> k - hiddenBias(0);
            case OUTPUT_WEIGHT -> k - outputWeight(0);
            case OUTPUT_BIAS -> -1;
        };
    }

    /** The input a weight comes from (0-based); only for input weights. */
    public int inputOf(int k) {
        return k / hidden;
    }

    /** The stable name used in files, JSON and on the command line: w_x1_h2, b_h1, w_h2_y, b_y. */
    public String name(int k) {
        return Names.NAMES[hidden][k];
    }

    /** The label on screen: x1→h2, b h1, h2→y, b y (ASCII arrows when asked). */
    public String label(int k, boolean ascii) {
        return (ascii ? Names.ASCII_LABELS : Names.LABELS)[hidden][k];
    }

    /** Every name and label made once: screens and snapshots ask for them many times a second. */
    private static final class Names {
        static final String[][] NAMES = table(null);
        static final String[][] LABELS = table("→");
        static final String[][] ASCII_LABELS = table("->");

        /** [hidden][k]: names when {@code arrow} is null, else labels with that arrow. */
        private static String[][] table(String arrow) {
            String[][] t = new String[MAX_HIDDEN + 1][];
            for (int h = MIN_HIDDEN; h <= MAX_HIDDEN; h++) {
                Architecture a = new Architecture(h, Activation.SIGMOID, Loss.MSE);
                t[h] = new String[a.parameterCount()];
                for (int k = 0; k < t[h].length; k++) {
                    t[h][k] = arrow == null ? a.makeName(k) : a.makeLabel(k, arrow);
                }
            }
            return t;
        }
    }

    private String makeName(int k) {
        int j = hiddenUnitOf(k) + 1;
        return switch (kind(k)) {
            case INPUT_WEIGHT -> "w_x" + (inputOf(k) + 1) + "_h" + j;
            case HIDDEN_BIAS -> "b_h" + j;
            case OUTPUT_WEIGHT -> "w_h" + j + "_y";
            case OUTPUT_BIAS -> "b_y";
        };
    }

    private String makeLabel(int k, String arrow) {
        int j = hiddenUnitOf(k) + 1;
        return switch (kind(k)) {
            case INPUT_WEIGHT -> "x" + (inputOf(k) + 1) + arrow + "h" + j;
            case HIDDEN_BIAS -> "b h" + j;
            case OUTPUT_WEIGHT -> "h" + j + arrow + "y";
            case OUTPUT_BIAS -> "b y";
        };
    }

    /** Index of a parameter by its name, or -1. */
    public int indexOf(String name) {
        for (int k = 0; k < parameterCount(); k++) {
            if (name(k).equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Index of a parameter by what a person may type: its name (w_x1_h1, b_h1) or its label on
     * screen (x1→h1, x1->h1, b h1, h1→y, b y), in any case, with spaces or underscores; or -1.
     */
    public int indexOfNameOrLabel(String typed) {
        String wanted = typable(typed);
        for (int k = 0; k < parameterCount(); k++) {
            if (name(k).equals(wanted) || typable(label(k, true)).equals(wanted)) {
                return k;
            }
        }
        return -1;
    }

    /** "x1 → h1" and "X1->H1" as "x1->h1", "b h1" as "b_h1": one form for both ways of writing a name. */
    private static String typable(String s) {
        return s.strip().toLowerCase(java.util.Locale.ROOT).replace("→", "->")
                .replaceAll("\\s*->\\s*", "->").replaceAll("[\\s_]+", "_");
    }

    /** Every parameter both ways, for messages: "w_x1_h1 = x1->h1, ..., b_h1 = b h1, ..., b_y = b y". */
    public String namesAndLabels() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < parameterCount(); k++) {
            b.append(k > 0 ? ", " : "").append(name(k)).append(" = ").append(label(k, true));
        }
        return b.toString();
    }
}
