package dev.purser.engine.cgroup;

import java.util.List;

/**
 * Which device nodes a container's processes may open or create. A non-privileged container
 * gets Docker's default: everything denied except the rules runc adds for every container
 * (mknod of any node, so images unpack, but no read or write of it; the harmless character
 * devices in /dev; the container's own terminals; /dev/net/tun). {@code --privileged} allows all.
 *
 * @param allowAll every device, in every way ({@code --privileged})
 * @param allowed  the exceptions to "deny all" otherwise, in order
 */
public record DevicePolicy(boolean allowAll, List<DeviceRule> allowed) {
    /** runc's AllowedDevices, which Docker's default spec (deny {@code a *:* rwm}) is combined with. */
    public static final List<DeviceRule> DOCKER_DEFAULT_RULES = List.of(
            new DeviceRule('c', DeviceRule.ANY, DeviceRule.ANY, "m"),
            new DeviceRule('b', DeviceRule.ANY, DeviceRule.ANY, "m"),
            new DeviceRule('c', 1, 3, "rwm"),    // /dev/null
            new DeviceRule('c', 1, 8, "rwm"),    // /dev/random
            new DeviceRule('c', 1, 7, "rwm"),    // /dev/full
            new DeviceRule('c', 5, 0, "rwm"),    // /dev/tty
            new DeviceRule('c', 1, 5, "rwm"),    // /dev/zero
            new DeviceRule('c', 1, 9, "rwm"),    // /dev/urandom
            new DeviceRule('c', 136, DeviceRule.ANY, "rwm"), // /dev/pts/*
            new DeviceRule('c', 5, 2, "rwm"),    // /dev/ptmx
            new DeviceRule('c', 10, 200, "rwm")); // /dev/net/tun

    public DevicePolicy {
        allowed = List.copyOf(allowed);
    }

    public static DevicePolicy dockerDefault() {
        return new DevicePolicy(false, DOCKER_DEFAULT_RULES);
    }

    public static DevicePolicy privileged() {
        return new DevicePolicy(true, List.of());
    }

    /**
     * Whether an access is allowed: {@code type} {@code c} or {@code b}, {@code access} one or
     * more of r, w, m (all must be allowed by one rule, as the kernel checks).
     */
    public boolean allows(char type, int major, int minor, String access) {
        if (allowAll) {
            return true;
        }
        for (DeviceRule r : allowed) {
            if ((r.type() == 'a' || r.type() == type)
                    && (r.major() == DeviceRule.ANY || r.major() == major)
                    && (r.minor() == DeviceRule.ANY || r.minor() == minor)
                    && access.chars().allMatch(ch -> r.access().indexOf(ch) >= 0)) {
                return true;
            }
        }
        return false;
    }
}
