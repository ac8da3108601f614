package org.backproplab.nn;

import java.util.Locale;

/** A two-input logic gate: its four truth-table rows, trained on as one full batch. */
public enum Dataset {
    XOR(0, 1, 1, 0),
    AND(0, 0, 0, 1),
    OR(0, 1, 1, 1),
    NAND(1, 1, 1, 0),
    NOR(1, 0, 0, 0),
    XNOR(1, 0, 0, 1);

    public static final int ROWS = 4;
    /** Row r's inputs, the same for every gate: (0,0), (0,1), (1,0), (1,1). */
    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private final double[] targets;

    Dataset(double t00, double t01, double t10, double t11) {
        this.targets = new double[] {t00, t01, t10, t11};
    }

    public static double input(int row, int i) {
        return INPUTS[row][i];
    }

    public double target(int row) {
        return targets[row];
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
