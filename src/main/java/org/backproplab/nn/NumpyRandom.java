package org.backproplab.nn;

/**
 * numpy's legacy generator ({@code np.random.seed}, {@code rand}, {@code randn}), so that the
 * guide's code can be reproduced draw for draw: MT19937 seeded with {@code init_genrand(seed)},
 * 53-bit doubles from two 32-bit outputs, and normals by the Marsaglia polar method with the
 * second value of each pair kept for the next call.
 */
public final class NumpyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasGauss;
    private double gauss;

    /** Seeds as {@code np.random.seed(seed)} does for 0 ≤ seed < 2³². */
    public NumpyRandom(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("seed must be 0.." + 0xFFFF_FFFFL + ", got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next raw 32-bit output (genrand_int32), as an unsigned value in an int. */
    public int nextInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }

    /** A uniform double in [0, 1), as {@code np.random.rand()}. */
    public double nextDouble() {
        long a = (nextInt32() >>> 5) & 0xFFFF_FFFFL;
        long b = (nextInt32() >>> 6) & 0xFFFF_FFFFL;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** A standard normal, as {@code np.random.randn()}. */
    public double nextGaussian() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }
}
