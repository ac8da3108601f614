package org.backproplab.train;

/**
 * The loss of every epoch in bounded memory: at most {@code capacity} points, each the mean of
 * {@code stride} consecutive epochs together with the lowest and the highest of them (so a chart
 * can show the range a point covers: the first loss and every spike stay visible however many
 * epochs a point holds). When full, neighbouring pairs merge and the stride doubles, so a run of
 * hours keeps the same few thousand points. The lowest loss is kept exactly.
 * Not thread-safe: the trainer's thread owns it and hands out {@link Points}, read-only views
 * that any thread may read. A view shares the array of points instead of copying it (a trainer
 * publishes 50 views a second, and copying a full history was most of its garbage): points are
 * only ever appended past the end of every view made so far, and merging pairs writes a new array.
 */
public final class LossHistory {
    public static final int DEFAULT_CAPACITY = 2048;

    private final int capacity;
    /** Shared with the views handed out: entries below {@code size} are never changed in place. */
    private double[] points;
    /** The lowest and the highest epoch of each point, shared like {@code points}. */
    private double[] lows;
    private double[] highs;
    private int size;
    private long stride = 1;
    /** The bucket being filled: sum and count of epochs not yet a point. */
    private double pendingSum;
    private long pendingCount;
    private double pendingLow = Double.POSITIVE_INFINITY;
    private double pendingHigh = Double.NEGATIVE_INFINITY;
    private long epochs;
    private double lowest = Double.POSITIVE_INFINITY;

    public LossHistory() {
        this(DEFAULT_CAPACITY);
    }

    public LossHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and >= 2, got " + capacity);
        }
        this.capacity = capacity;
        this.points = new double[capacity];
        this.lows = new double[capacity];
        this.highs = new double[capacity];
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
        pendingLow = Math.min(pendingLow, loss);
        pendingHigh = Math.max(pendingHigh, loss);
        if (pendingCount == stride) {
            lows[size] = pendingLow;
            highs[size] = pendingHigh;
            points[size++] = pendingSum / stride;
            pendingSum = 0;
            pendingCount = 0;
            pendingLow = Double.POSITIVE_INFINITY;
            pendingHigh = Double.NEGATIVE_INFINITY;
            if (size == points.length) {
                mergePairs(); // every pair is complete here, so each merged point covers 2·stride epochs
            }
        }
    }

    private void mergePairs() {
        double[] merged = new double[capacity]; // new arrays: views made before still read the old ones
        double[] mergedLows = new double[capacity];
        double[] mergedHighs = new double[capacity];
        for (int i = 0; i < size / 2; i++) {
            merged[i] = (points[2 * i] + points[2 * i + 1]) / 2;
            mergedLows[i] = Math.min(lows[2 * i], lows[2 * i + 1]);
            mergedHighs[i] = Math.max(highs[2 * i], highs[2 * i + 1]);
        }
        points = merged;
        lows = mergedLows;
        highs = mergedHighs;
        size /= 2;
        stride *= 2;
    }

    public void clear() {
        points = new double[capacity];
        lows = new double[capacity];
        highs = new double[capacity];
        size = 0;
        stride = 1;
        pendingSum = 0;
        pendingCount = 0;
        pendingLow = Double.POSITIVE_INFINITY;
        pendingHigh = Double.NEGATIVE_INFINITY;
        epochs = 0;
        lowest = Double.POSITIVE_INFINITY;
    }

    /** The history as it is now: a view that later epochs do not change. */
    public Points points() {
        return new Points(points, lows, highs, size, pendingSum, pendingCount, pendingLow, pendingHigh, stride, epochs,
                lowest);
    }

    /**
     * The history as drawn: {@code value(i)} is the mean loss of epochs [i·stride, (i+1)·stride)
     * (the last one may cover fewer), {@code low(i)} and {@code high(i)} the lowest and highest of
     * them; {@code lowest} is +∞ when nothing was recorded.
     */
    public static final class Points {
        private static final Points EMPTY = new Points(new double[0], new double[0], new double[0], 0, 0, 0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, 0, Double.POSITIVE_INFINITY);

        private final double[] full;
        private final double[] lows;
        private final double[] highs;
        private final int fullCount;
        private final boolean partial;
        /** The partly filled point: the sum and the count of its epochs (fewer than a stride, or a stride at most after {@link #plus}). */
        private final double partialSum;
        private final long partialCount;
        private final double partialValue;
        private final double partialLow;
        private final double partialHigh;
        private final long stride;
        private final long epochs;
        private final double lowest;

        private Points(double[] full, double[] lows, double[] highs, int fullCount, double partialSum,
                       long partialCount, double partialLow, double partialHigh, long stride, long epochs,
                       double lowest) {
            this.full = full;
            this.lows = lows;
            this.highs = highs;
            this.fullCount = fullCount;
            this.partial = partialCount > 0;
            this.partialSum = partialSum;
            this.partialCount = partialCount;
            this.partialValue = partial ? partialSum / partialCount : 0;
            this.partialLow = partialLow;
            this.partialHigh = partialHigh;
            this.stride = stride;
            this.epochs = epochs;
            this.lowest = lowest;
        }

        public static Points empty() {
            return EMPTY;
        }

        /**
         * This history and one epoch more, of loss {@code loss}: a chart's newest point, the loss
         * at the parameters shown, which no step has recorded yet (a step records the loss it
         * starts from). It joins the partly filled point, or starts one; a non-finite loss is no
         * point, as in {@link LossHistory#add}.
         */
        public Points plus(double loss) {
            if (!Double.isFinite(loss)) return this;
            return new Points(full, lows, highs, fullCount, partialSum + loss, partialCount + 1,
                    Math.min(partialLow, loss), Math.max(partialHigh, loss), stride, epochs + 1, Math.min(lowest, loss));
        }

        /** The complete points, then the partly filled one (if any). */
        public int size() {
            return fullCount + (partial ? 1 : 0);
        }

        public double value(int i) {
            if (i < 0 || i >= size()) throw new IndexOutOfBoundsException("point " + i + " of " + size());
            return i < fullCount ? full[i] : partialValue;
        }

        /** The lowest loss of the epochs point i covers. */
        public double low(int i) {
            if (i < 0 || i >= size()) throw new IndexOutOfBoundsException("point " + i + " of " + size());
            return i < fullCount ? lows[i] : partialLow;
        }

        /** The highest loss of the epochs point i covers. */
        public double high(int i) {
            if (i < 0 || i >= size()) throw new IndexOutOfBoundsException("point " + i + " of " + size());
            return i < fullCount ? highs[i] : partialHigh;
        }

        /** A copy of every value, in order. */
        public double[] values() {
            double[] copy = java.util.Arrays.copyOf(full, size());
            if (partial) copy[fullCount] = partialValue;
            return copy;
        }

        /** Epochs per point (the last point may cover fewer). */
        public long stride() {
            return stride;
        }

        /** Epochs recorded (finite losses). */
        public long epochs() {
            return epochs;
        }

        /** The lowest loss of any epoch, +∞ when none was recorded. */
        public double lowest() {
            return lowest;
        }
    }
}
