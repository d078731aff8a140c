package dev.purser.tui.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Sizes the way Docker prints them (go-units {@code HumanSizeWithPrecision}): decimal units,
 * three significant digits, Go's {@code %g} so trailing zeros disappear ("1.24MB", "5B", "100kB").
 */
public final class HumanSize {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private HumanSize() {}

    /** The size with three significant digits, as in {@code docker images}. */
    public static String of(double bytes) {
        return withPrecision(bytes, 3);
    }

    /** go-units {@code HumanSize}: four significant digits (used by {@code docker system df}). */
    public static String withPrecision(double bytes, int precision) {
        double size = bytes;
        int unit = 0;
        while (size >= 1000.0 && unit < UNITS.length - 1) {
            size /= 1000.0;
            unit++;
        }
        return GoNumbers.formatG(size, precision) + UNITS[unit];
    }

    /** go-units {@code BytesSize}: binary units, four significant digits ("1.5MiB", as in {@code docker stats}). */
    public static String binary(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1024.0 && unit < units.length - 1) {
            size /= 1024.0;
            unit++;
        }
        return GoNumbers.formatG(size, 4) + units[unit];
    }

    /** Go's {@code %.Ng} and shortest {@code %v} formatting of floats; shared with the template printer. */
    static final class GoNumbers {
        private GoNumbers() {}

        /** {@code strconv.FormatFloat(v, 'g', precision, 64)}; precision -1 means shortest. */
        static String formatG(double value, int precision) {
            if (Double.isNaN(value)) return "NaN";
            if (Double.isInfinite(value)) return value > 0 ? "+Inf" : "-Inf";
            if (value == 0) return "0";
            BigDecimal exact = precision < 0
                    ? new BigDecimal(Double.toString(value))
                    : new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
            BigDecimal stripped = exact.stripTrailingZeros();
            int digits = stripped.precision();
            int exponent = stripped.precision() - stripped.scale() - 1;
            // Go uses %e when the exponent is < -4 or >= the precision (6 for the shortest form).
            int eprec = precision < 0 ? 6 : precision;
            if (precision >= 0 && eprec > digits && digits >= exponent + 1) eprec = digits;
            if (exponent < -4 || exponent >= eprec) {
                String unscaled = stripped.unscaledValue().abs().toString();
                StringBuilder b = new StringBuilder();
                if (stripped.signum() < 0) b.append('-');
                b.append(unscaled.charAt(0));
                if (unscaled.length() > 1) b.append('.').append(unscaled, 1, unscaled.length());
                b.append('e').append(exponent < 0 ? '-' : '+');
                int abs = Math.abs(exponent);
                if (abs < 10) b.append('0');
                b.append(abs);
                return b.toString();
            }
            return stripped.toPlainString();
        }
    }
}
