package org.backproplab.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings from Python 3 ('%.*f', '%.*e', '%.*g'), which round the exact binary value half to even. */
class NumbersTest {

    @ParameterizedTest
    @CsvSource({
        "1.0005, 3, 1.000",          // really 1.000499999...: String.format says 1.001
        "0.125, 2, 0.12",            // an exact tie goes to even
        "2.675, 2, 2.67",
        "-0.00001, 4, -0.0000",
        "0.417022004702574, 4, 0.4170",
        "123.45675, 4, 123.4567"})
    void fixedRoundsTheExactValue(double x, int decimals, String expected) {
        assertThat(Numbers.fixed(x, decimals)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "-1.234567e-5, 5, -1.2346e-05",
        "9.99995e-5, 5, 9.9999e-05",
        "0.0016845, 5, 1.6845e-03",
        "1e-300, 3, 1.00e-300",
        "0.0, 5, 0.0000e+00",
        "123456.5, 2, 1.2e+05",
        "7.25e-7, 2, 7.3e-07",
        "7.35e-7, 2, 7.3e-07"})
    void scientificMatchesPrintf(double x, int digits, String expected) {
        assertThat(Numbers.sci(x, digits)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0.280144, 6, 0.280144",
        "0.000590998123, 6, 0.000590998",
        "1.234567e-5, 6, 1.23457e-05",
        "12.3456789, 6, 12.3457",
        "1234567.0, 6, 1.23457e+06",
        "0.5, 6, 0.500000",          // %g would drop the zeros; a column keeps them
        "0.99999995, 6, 1.00000",
        "9.9999996, 6, 10.0000",     // rounding carries into a new decade: one decimal fewer
        "0.000099999996, 6, 0.000100000",
        "99999.96, 6, 100000",
        "999999.6, 6, 1.00000e+06",
        "-0.00012345, 3, -0.000123"})
    void significantDigits(double x, int digits, String expected) {
        assertThat(Numbers.sig(x, digits)).isEqualTo(expected);
    }

    /** The fast paths agree with exact rounding (BigDecimal of the binary value) on many values. */
    @net.jqwik.api.Property(tries = 3000)
    void fastPathsAgreeWithExactRounding(@net.jqwik.api.ForAll double x,
                                         @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 8) int digits) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Double.isFinite(x));
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        if (x != 0) {
            int exp = r.precision() - r.scale() - 1;
            String mant = r.movePointLeft(exp).setScale(digits - 1, java.math.RoundingMode.HALF_EVEN).toPlainString();
            String expected = mant + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
            assertThat(Numbers.sci(x, digits)).isEqualTo(expected);
        }
        if (Math.abs(x) < 1e9) {
            String plain = new java.math.BigDecimal(x).setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString();
            if (x < 0 && !plain.startsWith("-")) plain = "-" + plain;
            assertThat(Numbers.fixed(x, digits)).isEqualTo(plain);
        }
    }

    /** The appending forms add to what a builder holds, and equal the string forms. */
    @Test
    void appendingFormsAddToTheBuilder() {
        StringBuilder b = new StringBuilder("e=");
        Numbers.sig(b, 0.5, 6).append(' ');
        Numbers.sig(b, 1234567.0, 6).append(' ');
        Numbers.signedFixed(b, -0.00001, 4).append(' ');
        Numbers.signedSci(b, 0.0, 3).append(' ');
        Numbers.count(b, -1234567).append(' ');
        Numbers.rate(b, 999.5).append(' ');
        Numbers.fixed(b, Double.NaN, 2);
        assertThat(b).hasToString("e=0.500000 1.23457e+06 -0.0000 +0.00e+00 -1,234,567 1,000 NaN");
    }

    /**
     * A setting reads as the shortest decimal of the double: as BigDecimal.valueOf writes it plainly
     * between 1e-6 and 1e7, and with the same digits in scientific form outside; either way it
     * reads back as the same double.
     */
    @net.jqwik.api.Property(tries = 3000)
    void settingIsTheShortestDecimalOfTheDouble(@net.jqwik.api.ForAll double x) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Double.isFinite(x));
        String shown = Numbers.setting(x);
        assertThat(Double.parseDouble(shown)).as("setting(%s) = %s", x, shown).isEqualTo(x == 0 ? 0.0 : x);
        java.math.BigDecimal shortest = java.math.BigDecimal.valueOf(x).stripTrailingZeros();
        double ax = Math.abs(x);
        if (x == 0 || (ax >= 1e-6 && ax < 1e7)) {
            assertThat(shown).as("setting(%s)", x).isEqualTo(shortest.toPlainString());
        } else {
            String digits = shortest.unscaledValue().abs().toString();
            int exp = shortest.precision() - shortest.scale() - 1;
            String expected = (x < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "")
                    + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
            assertThat(shown).as("setting(%s)", x).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 2", "0.0001, 0.0001", "0.03, 0.03", "1e-7, 1e-07", "1e-6, 0.000001", "1234567, 1234567", "1.5e10, 1.5e+10", "1e300, 1e+300", "2.5e-9, 2.5e-09", "-1, -1", "9999999, 9999999", "1e7, 1e+07",
        "-0.25, -0.25", "-0.0, 0", "0, 0", "100, 100", "12.5, 12.5"})
    void settingsAsTyped(double x, String expected) {
        assertThat(Numbers.setting(x)).isEqualTo(expected);
    }

    /** Significant digits as BigDecimal rounds the binary value, for values across the plain and the scientific range. */
    @net.jqwik.api.Property(tries = 3000)
    void significantDigitsAgreeWithExactRounding(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.DoubleRange(min = -10, max = 10) double mantissa,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = -9, max = 9) int power,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 8) int digits) {
        double x = mantissa * Math.pow(10, power);
        org.junit.jupiter.api.Assumptions.assumeTrue(x != 0);
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String expected;
        if (exp < -4 || exp >= digits) {
            String mant = r.movePointLeft(exp).setScale(digits - 1, java.math.RoundingMode.HALF_EVEN).toPlainString();
            expected = mant + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
        } else {
            expected = r.setScale(digits - 1 - exp, java.math.RoundingMode.HALF_EVEN).toPlainString();
        }
        assertThat(Numbers.sig(x, digits)).as("sig(%s, %d)", x, digits).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.00016845, 5", "1.0E-7, 2", "9.9999e-5, 4", "0.99995, 4", "123.456, 5", "5e-5, 1",
        // a scaled value of 12 to 15 digits, a few ulps from a tie: the fast path once rounded these twice
        "8.787193744945e-14, 12", "4.477388029580215E-9, 15", "1.68335024800125E-16, 14", "2.810470561017685E-11, 15",
        "9.155293127318705E-15, 15"})
    void fastPathAgreesAtDecadeEdgesAndTies(double x, int digits) {
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String mant = r.movePointLeft(exp).setScale(digits - 1, java.math.RoundingMode.HALF_EVEN).toPlainString();
        assertThat(Numbers.sci(x, digits)).isEqualTo(mant + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp)));
        assertThat(Numbers.fixed(x, digits)).isEqualTo(new java.math.BigDecimal(x).setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString());
    }

    /** Rounded once from the exact value at every scale and up to 15 digits (sci) or 9 decimals (fixed). */
    @net.jqwik.api.Property(tries = 20000)
    void everyScaleAndEveryPrecisionRoundOnce(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.DoubleRange(min = 1, max = 10) double mantissa,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = -25, max = 14) int power,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 15) int digits) {
        double x = mantissa * Math.pow(10, power);
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String mant = r.movePointLeft(exp).setScale(digits - 1, java.math.RoundingMode.HALF_EVEN).toPlainString();
        assertThat(Numbers.sci(x, digits)).as("sci(%s, %d)", x, digits)
                .isEqualTo(mant + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp)));
        if (power >= 0) {
            int decimals = digits % 10;
            assertThat(Numbers.fixed(x, decimals)).as("fixed(%s, %d)", x, decimals)
                    .isEqualTo(new java.math.BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    /**
     * A number in a bounded width: plain while it fits beside a sign, else scientific with width - 7
     * digits. Expected strings worked out by hand (and with Python's '%+.4f' / '%+.2e').
     */
    @ParameterizedTest
    @CsvSource({
        "-1684.131292, 4, 10, -1684.1313",        // the weights column at lr 1e6: fits 10 whole
        "-45009.811456, 4, 10, -4.50e+04",        // 45009.8115 would take 10 beside its sign
        "1.7e308, 4, 10, +1.70e+308",
        "9999.99996, 4, 10, +1.00e+04",           // rounds to 10000.0000: too wide, so scientific
        "0.41702200, 4, 9, +0.4170",
        "-999.99994, 4, 9, -999.9999",
        "-1.6845483136558372e297, 4, 9, -1.7e+297", // the network view at lr 1e300
        "-3.4168145493730641e297, 4, 9, -3.4e+297",
        "1e-300, 4, 9, +0.0000",
        "NaN, 4, 9, NaN"})
    void signedFitKeepsToItsWidth(double x, int decimals, int width, String expected) {
        assertThat(Numbers.signedFit(new StringBuilder(), x, decimals, width)).hasToString(expected);
    }

    /** A parameter in a table: never wider than its column, whatever its size (train at lr 1e6 printed 13 of 12). */
    @ParameterizedTest
    @CsvSource({
        "-45009.811456, -45009.811456",
        "999999.999999, 999999.999999",
        "999999.9999996, 1.000000e+06",  // rounds to 1000000.000000, 14 digits: scientific
        "-1234567.5, -1.234568e+06",     // an exact tie: half to even
        "-1.7e308, -1.700000e+308",
        "0.000114374817, 0.000114"})
    void parametersFitTheirColumn(double x, String expected) {
        assertThat(Numbers.parameter(x)).isEqualTo(expected).hasSizeLessThanOrEqualTo(Numbers.PARAMETER_WIDTH);
    }

    /** Whatever the double, a fitted number takes at most its width, and reads back close to the value. */
    @net.jqwik.api.Property(tries = 3000)
    void aFittedNumberNeverExceedsItsWidth(@net.jqwik.api.ForAll double x,
                                           @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 7, max = 16) int width,
                                           @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 6) int decimals) {
        String plain = Numbers.fit(new StringBuilder(), x, decimals, width).toString();
        String signed = Numbers.signedFit(new StringBuilder(), x, decimals, width).toString();
        assertThat(plain).hasSizeLessThanOrEqualTo(width);
        assertThat(signed).hasSizeLessThanOrEqualTo(width);
        if (Double.isFinite(x)) {
            // rounded: within half a unit of the last digit shown, plain or scientific
            java.math.BigDecimal shown = new java.math.BigDecimal(signed);
            java.math.BigDecimal halfUnit = java.math.BigDecimal.valueOf(5, shown.scale() + 1);
            assertThat(shown.subtract(new java.math.BigDecimal(x)).abs()).as("%s shown as %s", x, signed)
                    .isLessThanOrEqualTo(halfUnit);
        }
    }

    /** A value to the last bit: the digits that read back as the same double, in the e-05 style of settings. */
    @ParameterizedTest
    @CsvSource({
        "2.460443523984862E-5, 0.00002460443523984862",
        "1.246044352398486E-4, 0.0001246044352398486",
        "-1.6845483136558372E297, -1.6845483136558372e+297",
        "0.7203244934421581, 0.7203244934421581",
        "2.5e-9, 2.5e-09"})
    void exactValuesReadBackAsTheSameDouble(double x, String expected) {
        assertThat(Numbers.exact(x)).isEqualTo(expected);
        assertThat(Double.parseDouble(Numbers.exact(x))).isEqualTo(x);
    }

    @Test
    void signsSettingsCountsAndNonFinite() {
        assertThat(Numbers.signedFixed(0.41702, 4)).isEqualTo("+0.4170");
        assertThat(Numbers.signedFixed(-1, 4)).isEqualTo("-1.0000");
        assertThat(Numbers.signedSci(0.00123, 2)).isEqualTo("+1.2e-03");
        assertThat(Numbers.setting(1e-4)).isEqualTo("0.0001");
        assertThat(Numbers.setting(2.0)).isEqualTo("2");
        assertThat(Numbers.setting(0.03)).isEqualTo("0.03");
        assertThat(Numbers.count(1234567)).isEqualTo("1,234,567");
        assertThat(Numbers.count(0)).isEqualTo("0");
        assertThat(Numbers.count(999)).isEqualTo("999");
        assertThat(Numbers.count(1000)).isEqualTo("1,000");
        assertThat(Numbers.count(-1234)).isEqualTo("-1,234");
        assertThat(Numbers.count(100_000)).isEqualTo("100,000");
        assertThat(Numbers.count(Long.MAX_VALUE)).isEqualTo("9,223,372,036,854,775,807");
        assertThat(Numbers.count(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
        assertThat(Numbers.rate(998.5)).isEqualTo("999");
        assertThat(Numbers.fixed(Double.NaN, 4)).isEqualTo("NaN");
        assertThat(Numbers.sci(Double.NEGATIVE_INFINITY, 4)).isEqualTo("-inf");
    }

    @Test
    void groupedCountsParametersAndSeconds() {
        assertThat(Numbers.grouped(1325.04, 1)).isEqualTo("1,325.0");
        assertThat(Numbers.grouped(-1234567.25, 1)).isEqualTo("-1,234,567.2"); // exact tie: half to even
        assertThat(Numbers.grouped(999.96, 1)).isEqualTo("1,000.0");
        assertThat(Numbers.grouped(12.5, 0)).isEqualTo("12");
        assertThat(Numbers.count(1, "epoch")).isEqualTo("1 epoch");
        assertThat(Numbers.count(0, "epoch")).isEqualTo("0 epochs");
        assertThat(Numbers.count(1000, "epoch")).isEqualTo("1,000 epochs");
        assertThat(Numbers.parameter(-0.0000001)).isEqualTo("-0.000000");
        assertThat(Numbers.parameter(0.4170220047)).isEqualTo("0.417022");
        assertThat(Numbers.parameter(1234567.89)).isEqualTo("1.234568e+06");
        assertThat(Numbers.parameter(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Numbers.seconds(0.0424)).isEqualTo("0.042");
        assertThat(Numbers.seconds(3.214)).isEqualTo("3.21");
        assertThat(Numbers.seconds(12.34)).isEqualTo("12.3");
    }
}
