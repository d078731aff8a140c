package dev.purser.tui.cli;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as docker reads them (go-units {@code RAMInBytes}): "512m", "1.5g", "100k",
 * "1024b" or plain bytes, binary multiples, case-insensitive, optional "i"/"b" suffixes.
 */
final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([a-zA-Z]*)$");

    private ByteSize() {}

    static long parse(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException("invalid size: '" + text + "'");
        String suffix = m.group(2).toLowerCase();
        long multiplier;
        String unit = suffix.isEmpty() ? "" : suffix.substring(0, 1);
        String rest = suffix.isEmpty() ? "" : suffix.substring(1);
        switch (unit) {
            case "", "b" -> multiplier = 1;
            case "k" -> multiplier = 1L << 10;
            case "m" -> multiplier = 1L << 20;
            case "g" -> multiplier = 1L << 30;
            case "t" -> multiplier = 1L << 40;
            case "p" -> multiplier = 1L << 50;
            default -> throw new IllegalArgumentException("invalid suffix: '" + suffix + "'");
        }
        if (unit.equals("b") && !rest.isEmpty()
                || !unit.equals("b") && !(rest.isEmpty() || rest.equals("b") || rest.equals("i") || rest.equals("ib"))) {
            throw new IllegalArgumentException("invalid suffix: '" + suffix + "'");
        }
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier)).longValue();
    }

    /** {@code --memory-swap}: "-1" means unlimited. */
    static long parseSwap(String text) {
        return text.equals("-1") ? -1 : parse(text);
    }

    /** {@code --cpus 1.5} as NanoCPUs (1.5e9); docker rejects values that are not whole nanoseconds. */
    static long nanoCpus(String text) {
        try {
            BigDecimal nanos = new BigDecimal(text).multiply(BigDecimal.valueOf(1_000_000_000L));
            if (nanos.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException("value is too precise");
            return nanos.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("failed to parse " + text + " as a rational number");
        }
    }
}
