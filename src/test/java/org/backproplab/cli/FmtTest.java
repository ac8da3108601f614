package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void fixedRoundsTheExactBinaryValue() {
        // Python: Decimal(1.0005) = 1.000499999999999989341858963598497211933135986328125, so 3 decimals
        // are 1.000 (String.format gives 1.001: it rounds the shortest decimal 1.0005 half up).
        assertThat(Fmt.fixed(1.0005, 3)).isEqualTo("1.000");
        // Decimal(0.125) is exact: a tie, rounded half to even.
        assertThat(Fmt.fixed(0.125, 2)).isEqualTo("0.12");
        // Decimal(2.675) = 2.67499999999999982236431605997495353221893310546875
        assertThat(Fmt.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(Fmt.fixed(0.9999996, 6)).isEqualTo("1.000000");
        assertThat(Fmt.fixed(-0.0000001, 6)).isEqualTo("0.000000");
        assertThat(Fmt.fixed(-1.5, 1)).isEqualTo("-1.5");
        assertThat(Fmt.fixed(Double.NaN, 3)).isEqualTo("NaN");
    }

    @Test
    void scientificKeepsTheDigitsAsked() {
        assertThat(Fmt.sci(0.000123456, 3)).isEqualTo("1.23e-04");
        assertThat(Fmt.sci(-123456.0, 2)).isEqualTo("-1.2e+05");
        assertThat(Fmt.sci(9.9996e-5, 4)).isEqualTo("1.000e-04");
        assertThat(Fmt.sci(0.0, 3)).isEqualTo("0.00e+00");
        assertThat(Fmt.sci(1e-300, 2)).isEqualTo("1.0e-300");
    }

    @Test
    void significantDigitsSwitchToScientificOutsideAReadableRange() {
        assertThat(Fmt.sig(0.47741234, 4)).isEqualTo("0.4774");
        assertThat(Fmt.sig(0.0012345, 3)).isEqualTo("0.00123");
        assertThat(Fmt.sig(1.2345e-6, 3)).isEqualTo("1.23e-06");
        assertThat(Fmt.sig(12.0, 3)).isEqualTo("12.0");
        assertThat(Fmt.sig(0.0, 3)).isEqualTo("0.00");
    }

    @Test
    void plainShowsSettingsAsTyped() {
        assertThat(Fmt.plain(0.03)).isEqualTo("0.03");
        assertThat(Fmt.plain(1e-4)).isEqualTo("0.0001");
        assertThat(Fmt.plain(2.0)).isEqualTo("2");
        assertThat(Fmt.plain(-1.0)).isEqualTo("-1");
        assertThat(Fmt.plain(1e300)).isEqualTo("1e+300");
        assertThat(Fmt.plain(2.5e-9)).isEqualTo("2.5e-09");
    }

    @Test
    void groupedAndCount() {
        assertThat(Fmt.grouped(1325.04, 1)).isEqualTo("1,325.0");
        assertThat(Fmt.grouped(-1234567.25, 1)).isEqualTo("-1,234,567.2");
        assertThat(Fmt.grouped(999.96, 1)).isEqualTo("1,000.0");
        assertThat(Fmt.count(1_000_000)).isEqualTo("1,000,000");
    }
}
