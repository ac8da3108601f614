package org.backproplab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The network's e^x and ln x: the C code they are written from gives the same bits (the values it
 * printed are in {@code elementary-c.txt}), an independent implementation (StrictMath's fdlibm,
 * within 1 ulp of the truth) is never more than an ulp away, and the special values are what
 * IEEE arithmetic says.
 */
class ElementaryTest {

    @Test
    void givesTheBitsItsCOriginalPrinted() throws IOException {
        List<String> lines;
        try (InputStream in = ElementaryTest.class.getResourceAsStream("elementary-c.txt")) {
            assertThat(in).isNotNull();
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        assertThat(lines).hasSizeGreaterThan(2000);
        for (String line : lines) {
            String[] f = line.split(" ");
            double x = bits(f[0]);
            assertSame("exp", x, Elementary.exp(x), bits(f[1]));
            assertSame("log", x, Elementary.log(x), bits(f[2]));
        }
    }

    private static double bits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    /** The same double; any NaN for a NaN (C and Java write NaN's sign and payload differently). */
    private static void assertSame(String f, double x, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as("%s(%s)", f, x).isNaN();
        } else {
            assertThat(Double.doubleToRawLongBits(actual)).as("%s(%s) = %s, C: %s", f, x, actual, expected)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    /** exp over its whole finite range, e^x from the least subnormal to the greatest double. */
    @Test
    void expIsWithinAnUlpOfFdlibm() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            assertWithinAnUlp("exp", random.nextDouble(-745.13, 709.78), Elementary::exp, StrictMath::exp);
        }
    }

    /** log over every positive double, subnormals included: x = m·2^e, m in [1, 2), e in [−1074, 1023]. */
    @Test
    void logIsWithinAnUlpOfFdlibm() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            double x = Math.scalb(random.nextDouble(1.0, 2.0), random.nextInt(-1074, 1024));
            assertWithinAnUlp("log", x, Elementary::log, StrictMath::log);
        }
    }

    /** Where the loss takes its logarithms: p from the clip at 1e-15 up to 1, 1 − p, and around 1. */
    @Test
    void logOfProbabilitiesIsWithinAnUlpOfFdlibm() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double p = Math.pow(10.0, random.nextDouble(-15.0, 0.0));
            for (double x : new double[] {p, 1.0 - p, 1.0 + random.nextDouble(-0.07, 0.07)}) {
                assertWithinAnUlp("log", x, Elementary::log, StrictMath::log);
            }
        }
    }

    private static void assertWithinAnUlp(String f, double x, DoubleUnaryOperator mine, DoubleUnaryOperator fdlibm) {
        double m = mine.applyAsDouble(x);
        double expected = fdlibm.applyAsDouble(x);
        assertThat(Math.abs(m - expected)).as("%s(%s) = %s, fdlibm: %s", f, x, m, expected)
                .isLessThanOrEqualTo(Math.ulp(expected));
    }

    @Test
    void specialValues() {
        assertThat(Elementary.exp(0.0)).isEqualTo(1.0);
        assertThat(Elementary.exp(-0.0)).isEqualTo(1.0);
        assertThat(Elementary.exp(1.0)).isEqualTo(Math.E); // e rounded to a double: 2.718281828459045
        assertThat(Elementary.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Elementary.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Elementary.exp(Double.NaN)).isNaN();
        assertThat(Elementary.exp(710.0)).isEqualTo(Double.POSITIVE_INFINITY); // e^710 > MAX_VALUE
        assertThat(Elementary.exp(709.0)).isFinite();
        assertThat(Elementary.exp(-746.0)).isEqualTo(0.0); // below half the least subnormal
        assertThat(Elementary.exp(-745.0)).isEqualTo(Double.MIN_VALUE); // e^-745 = 2.8e-324 rounds to 4.9e-324
        assertThat(Elementary.exp(-720.0)).isGreaterThan(0.0).isLessThan(Double.MIN_NORMAL);

        assertThat(Elementary.log(1.0)).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(Elementary.log(1.0))).isZero(); // +0, not −0
        assertThat(Elementary.log(Math.E)).isEqualTo(1.0);
        assertThat(Elementary.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Elementary.log(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Elementary.log(-1.0)).isNaN();
        assertThat(Elementary.log(Double.NaN)).isNaN();
        assertThat(Elementary.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Elementary.log(Double.NEGATIVE_INFINITY)).isNaN();
        // ln 2^-1074 = −1074·ln 2 = −744.44007192138126...
        assertThat(Elementary.log(Double.MIN_VALUE)).isCloseTo(-744.4400719213812, org.assertj.core.api.Assertions.within(1e-13));
        assertThat(Elementary.log(1e-15)).isCloseTo(-34.538776394910684, org.assertj.core.api.Assertions.within(1e-14));
    }
}
