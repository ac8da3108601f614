package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

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
        "0.99999995, 6, 1.00000"})
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

    @ParameterizedTest
    @CsvSource({"0.00016845, 5", "1.0E-7, 2", "9.9999e-5, 4", "0.99995, 4", "123.456, 5", "5e-5, 1"})
    void fastPathAgreesAtDecadeEdgesAndTies(double x, int digits) {
        java.math.BigDecimal r = new java.math.BigDecimal(x).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String mant = r.movePointLeft(exp).setScale(digits - 1, java.math.RoundingMode.HALF_EVEN).toPlainString();
        assertThat(Numbers.sci(x, digits)).isEqualTo(mant + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp)));
        assertThat(Numbers.fixed(x, digits)).isEqualTo(new java.math.BigDecimal(x).setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString());
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
}
