package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import picocli.CommandLine.TypeConversionException;

/** Whole numbers as people write them read back exactly; anything else is refused. */
class WholeNumbersTest {

    /** n written with commas every three digits, built from n's decimal digits (not by the code under test). */
    static String commas(long n) {
        String digits = Long.toString(n).replace("-", "");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + b;
    }

    @Property(tries = 500)
    void plainCommasAndUnderscoresReadBack(@ForAll long n) {
        assertThat(WholeNumbers.toLong(Long.toString(n))).isEqualTo(n);
        assertThat(WholeNumbers.toLong(commas(n))).isEqualTo(n);
        String digits = Long.toString(n).replaceAll("(\\d)(?=\\d)", "$1_");
        assertThat(WholeNumbers.toLong(digits)).as(digits).isEqualTo(n);
    }

    /** m × 10^k typed as "me k", compared with the product in BigInteger. */
    @Property(tries = 500)
    void scientificNotationReadsExactly(@ForAll @LongRange(min = -999_999, max = 999_999) long m,
                                        @ForAll @IntRange(min = 0, max = 12) int k) {
        long expected = BigInteger.valueOf(m).multiply(BigInteger.TEN.pow(k)).longValueExact();
        assertThat(WholeNumbers.toLong(m + "e" + k)).isEqualTo(expected);
        assertThat(WholeNumbers.toLong(m + "E+" + k)).isEqualTo(expected);
        assertThat(WholeNumbers.toLong(m + ".0e" + k)).isEqualTo(expected);
    }

    /** A fraction that does not vanish: m + 1/2 is never whole, whatever the exponent keeps. */
    @Property(tries = 200)
    void fractionsAreRefused(@ForAll @LongRange(min = 0, max = 1_000_000) long m) {
        assertThatThrownBy(() -> WholeNumbers.toLong(m + ".5")).isInstanceOf(TypeConversionException.class)
                .hasMessage("'" + m + ".5' is not a whole number");
        assertThatThrownBy(() -> WholeNumbers.toLong(m + "5e-1")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a whole number (it is " + m + ".5)");
    }

    @Property(tries = 50)
    void intsSayTheirLimit(@ForAll @LongRange(min = Integer.MAX_VALUE + 1L, max = Long.MAX_VALUE) long n) {
        assertThatThrownBy(() -> WholeNumbers.toInt(Long.toString(n))).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("too large").hasMessageContaining("at most 2,147,483,647");
        assertThat(WholeNumbers.toLong(Long.toString(n))).isEqualTo(n);
    }

    @Property(tries = 30)
    void hugeExponentsAreRefusedWithoutWritingThemOut(@ForAll @LongRange(min = 20, max = 99_999_999_999L) long k) {
        assertThatThrownBy(() -> WholeNumbers.toLong("1e" + k)).hasMessage("'1e" + k + "' is too large a number");
        assertThatThrownBy(() -> WholeNumbers.toLong("1e-" + k)).hasMessage("'1e-" + k + "' is not a whole number");
    }
}
