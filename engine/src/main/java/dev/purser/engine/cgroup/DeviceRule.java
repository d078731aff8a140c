package dev.purser.engine.cgroup;

/**
 * One entry of a device cgroup's allow list, in the kernel's v1 notation {@code c 1:3 rwm}:
 * the node type ({@code c}, {@code b}, or {@code a} for both), major and minor numbers ({@link
 * #ANY} for {@code *}), and the access allowed ({@code r}, {@code w}, {@code m} for mknod).
 */
public record DeviceRule(char type, int major, int minor, String access) {
    public static final int ANY = -1;

    public DeviceRule {
        if (type != 'c' && type != 'b' && type != 'a') {
            throw new IllegalArgumentException("device type must be c, b or a, not " + type);
        }
        if (access.isEmpty() || !access.matches("r?w?m?")) {
            throw new IllegalArgumentException("device access must be a combination of r, w, m in that order, not " + access);
        }
    }

    /** As devices.allow takes it and devices.list shows it. */
    public String line() {
        return type + " " + number(major) + ":" + number(minor) + " " + access;
    }

    private static String number(int n) {
        return n == ANY ? "*" : Integer.toString(n);
    }

    @Override
    public String toString() {
        return line();
    }
}
