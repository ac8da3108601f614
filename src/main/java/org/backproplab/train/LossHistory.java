package org.backproplab.train;

import java.util.Arrays;

/**
 * The loss of every epoch in bounded memory: at most {@code capacity} points, each the mean of
 * {@code stride} consecutive epochs. When full, neighbouring pairs merge and the stride doubles, so
 * a run of hours keeps the same few thousand points. The lowest loss is kept exactly.
 * Not thread-safe: the trainer's thread owns it and hands out {@link Points} copies.
 */
public final class LossHistory {
    public static final int DEFAULT_CAPACITY = 2048;

    private final double[] points;
    private int size;
    private long stride = 1;
    /** The bucket being filled: sum and count of epochs not yet a point. */
    private double pendingSum;
    private long pendingCount;
    private long epochs;
    private double lowest = Double.POSITIVE_INFINITY;

    public LossHistory() {
        this(DEFAULT_CAPACITY);
    }

    public LossHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and >= 2, got " + capacity);
        }
        this.points = new double[capacity];
    }

    /** Records one epoch's loss; a non-finite loss (divergence) is not a point on the curve. */
    public void add(double loss) {
        if (!Double.isFinite(loss)) {
            return;
        }
        epochs++;
        if (loss < lowest) {
            lowest = loss;
        }
        pendingSum += loss;
        pendingCount++;
        if (pendingCount == stride) {
            points[size++] = pendingSum / stride;
            pendingSum = 0;
            pendingCount = 0;
            if (size == points.length) {
                mergePairs(); // every pair is complete here, so each merged point covers 2·stride epochs
            }
        }
    }

    private void mergePairs() {
        for (int i = 0; i < size / 2; i++) {
            points[i] = (points[2 * i] + points[2 * i + 1]) / 2;
        }
        size /= 2;
        stride *= 2;
    }

    public void clear() {
        size = 0;
        stride = 1;
        pendingSum = 0;
        pendingCount = 0;
        epochs = 0;
        lowest = Double.POSITIVE_INFINITY;
    }

    /** A copy for a snapshot: the full points, then the partly filled one (if any). */
    public Points points() {
        double[] copy = Arrays.copyOf(points, size + (pendingCount > 0 ? 1 : 0));
        if (pendingCount > 0) {
            copy[size] = pendingSum / pendingCount;
        }
        return new Points(copy, stride, epochs, lowest);
    }

    /**
     * The history as drawn: {@code values[i]} is the mean loss of epochs [i·stride, (i+1)·stride)
     * (the last one may cover fewer); {@code lowest} is +∞ when nothing was recorded. It takes
     * {@code values} as given, not a copy: whoever makes one hands over an array of its own (a
     * trainer publishes 50 of these a second, and a second copy of a full history was half of
     * its garbage). {@link #values()} still returns a copy.
     */
    public record Points(double[] values, long stride, long epochs, double lowest) {

        @Override
        public double[] values() {
            return values.clone();
        }

        public int size() {
            return values.length;
        }

        public double value(int i) {
            return values[i];
        }

        public static Points empty() {
            return new Points(new double[0], 1, 0, Double.POSITIVE_INFINITY);
        }
    }
}
