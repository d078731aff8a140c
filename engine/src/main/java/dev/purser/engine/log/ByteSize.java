package dev.purser.engine.log;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses sizes such as {@code 10m}, {@code 1k}, {@code 1.5GB}, {@code 512} the way Docker parses
 * {@code --log-opt max-size} (go-units FromHumanSize): the units are decimal, so {@code 1k} is
 * 1000 bytes, and even {@code 1KiB} counts as 1000, a quirk kept so limits match Docker's files.
 */
public final class ByteSize {
    private static final Pattern NUMBER = Pattern.compile("[0-9]*\\.?[0-9]*");
    private static final String MULTIPLIERS = "kmgtp";

    private ByteSize() {}

    /** @throws IllegalArgumentException with go-units' message for a malformed size */
    public static long parse(String text) {
        int sep = lastIndexOfAny(text, "0123456789. ");
        if (sep == -1) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        String num = text.charAt(sep) != ' ' ? text.substring(0, sep + 1) : text.substring(0, sep);
        String suffix = text.substring(sep + 1);
        if (num.startsWith("-")) {
            throw new IllegalArgumentException("invalid size: '" + text + "'");
        }
        if (num.isEmpty() || num.equals(".") || !NUMBER.matcher(num).matches()) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing \"" + num + "\": invalid syntax");
        }
        double size = Double.parseDouble(num);
        if (suffix.isEmpty()) {
            return (long) size;
        }
        String sfx = suffix.toLowerCase(Locale.ROOT);
        if (sfx.length() > 3) {
            throw badSuffix(sfx);
        }
        if (sfx.charAt(0) == 'b') {
            if (sfx.length() > 1) {
                throw badSuffix(sfx);
            }
            return (long) size;
        }
        int power = MULTIPLIERS.indexOf(sfx.charAt(0));
        if (power < 0) {
            throw badSuffix(sfx);
        }
        if ((sfx.length() == 2 && sfx.charAt(1) != 'b') || (sfx.length() == 3 && !sfx.substring(1).equals("ib"))) {
            throw badSuffix(sfx);
        }
        return (long) (size * Math.pow(1000, power + 1));
    }

    private static IllegalArgumentException badSuffix(String sfx) {
        return new IllegalArgumentException("invalid suffix: '" + sfx + "'");
    }

    private static int lastIndexOfAny(String s, String chars) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
