package dev.purser.tui.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether what a command printed is what a guide shows: {@code …} in a line stands for any text,
 * a line of only {@code …} for any number of lines, a run of spaces for any run of spaces, and
 * trailing spaces do not count.
 */
public final class ShownOutput {
    static final String ANY = "…";

    private ShownOutput() {}

    public static boolean matches(List<String> shown, String printed) {
        List<String> actual = new ArrayList<>(printed.lines().map(ShownOutput::normalize).toList());
        while (!actual.isEmpty() && actual.get(actual.size() - 1).isEmpty()) {
            actual.remove(actual.size() - 1);
        }
        List<String> expected = new ArrayList<>(shown.stream().map(ShownOutput::normalize).toList());
        while (!expected.isEmpty() && expected.get(expected.size() - 1).isEmpty()) {
            expected.remove(expected.size() - 1);
        }
        return matches(expected, 0, actual, 0);
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).equals(ANY)) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) return true;
            }
            return false;
        }
        return a < actual.size() && line(expected.get(e)).matcher(actual.get(a)).matches() && matches(expected, e + 1, actual, a + 1);
    }

    private static Pattern line(String expected) {
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split(ANY, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append(".*");
            if (!parts[i].isEmpty()) regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static String normalize(String line) {
        return line.replaceAll(" +", " ").stripTrailing();
    }
}
