package dev.purser.engine.network.ports;

/** A range of port numbers, {@code 8000-8010} or a single {@code 8080}, as Docker's nat.ParsePortRange reads it. */
public record PortRange(int first, int last) {
    public PortRange {
        if (first < 0 || last > 65535 || last < first) {
            throw new IllegalArgumentException("invalid range specified for port: " + first + "-" + last);
        }
    }

    /** {@code 8080} or {@code 8000-8010}; an IllegalArgumentException in go-connections' words otherwise. */
    public static PortRange parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty string specified for ports");
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            int n = number(text);
            return new PortRange(n, n);
        }
        int first = number(text.substring(0, dash));
        int last = number(text.substring(dash + 1));
        if (last < first) {
            throw new IllegalArgumentException("invalid range specified for port: " + text);
        }
        return new PortRange(first, last);
    }

    /** A port number, 0 to 65535 in decimal (strconv.ParseUint with 16 bits). */
    static int number(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + text + "\": invalid syntax");
        }
        int n = Integer.parseInt(text);
        if (n > 65535) {
            throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + text + "\": value out of range");
        }
        return n;
    }

    public boolean single() {
        return first == last;
    }

    public int size() {
        return last - first + 1;
    }
}
