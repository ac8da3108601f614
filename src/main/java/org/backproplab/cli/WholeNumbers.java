package org.backproplab.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.backproplab.format.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Counts as people write them, for every int and long option (registered once in {@link Main}):
 * {@code 1000}, {@code 1e6}, {@code 1_000_000}, {@code 1,000} and {@code 1000.0}; a value that is
 * not whole ({@code 1.5e0}) or does not fit is refused in plain words.
 */
final class WholeNumbers {
    /** Thousands grouped by commas: 1,000 or 12,345,678 (not 1,00). */
    private static final Pattern COMMAS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+");
    /** Digits with single underscores between them, as Java writes 1_000_000. */
    private static final Pattern UNDERSCORES = Pattern.compile("[+-]?\\d+(_\\d+)+");

    private WholeNumbers() {
    }

    /** Makes every int and long option of {@code cl} and its subcommands (added so far) read whole numbers so. */
    static void register(CommandLine cl) {
        ITypeConverter<Long> longs = WholeNumbers::toLong;
        ITypeConverter<Integer> ints = WholeNumbers::toInt;
        cl.registerConverter(Long.class, longs);
        cl.registerConverter(long.class, longs);
        cl.registerConverter(Integer.class, ints);
        cl.registerConverter(int.class, ints);
    }

    static long toLong(String typed) {
        BigDecimal n = parse(typed);
        if (n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || n.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            throw new TypeConversionException("'" + typed + "' is too large a number");
        }
        return n.longValueExact();
    }

    static int toInt(String typed) {
        BigDecimal n = parse(typed);
        if (n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            throw new TypeConversionException("'" + typed + "' is too large a number (at most "
                    + Numbers.count(Integer.MAX_VALUE) + ")");
        }
        return n.intValueExact();
    }

    /** The exact value typed; a {@link TypeConversionException} that says why when it is not a whole number. */
    private static BigDecimal parse(String typed) {
        String s = typed.strip();
        if (COMMAS.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (UNDERSCORES.matcher(s).matches()) {
            s = s.replace("_", "");
        } else if (!ConfigOptions.NumberConverter.DECIMAL.matcher(s).matches()) {
            throw new TypeConversionException("'" + typed + "' is not a whole number (such as 1000, 1e3, 1_000 or 1,000)");
        }
        BigDecimal n;
        try {
            n = new BigDecimal(s);
        } catch (NumberFormatException e) { // an exponent beyond 2^31 either way
            throw new TypeConversionException("'" + typed + "' is "
                    + (s.toLowerCase(java.util.Locale.ROOT).contains("e-") ? "not a whole number" : "too large a number"));
        }
        // A huge exponent is not whole or too large, and never worth the work of writing it out.
        if (n.signum() != 0 && n.precision() - n.scale() > 20) {
            throw new TypeConversionException("'" + typed + "' is too large a number");
        }
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            String value = n.precision() - n.scale() > -10 ? n.stripTrailingZeros().toPlainString() : s;
            throw new TypeConversionException("'" + typed + "' is not a whole number"
                    + (value.equals(s) ? "" : " (it is " + value + ")"));
        }
        return n;
    }
}
