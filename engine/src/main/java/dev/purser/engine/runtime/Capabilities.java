package dev.purser.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container's capability set: Docker's 14 defaults, adjusted by {@code --cap-add} and
 * {@code --cap-drop} with Docker's rules (names with or without {@code CAP_}, any case;
 * {@code ALL} in either list; an add wins over a drop of the same capability).
 */
public final class Capabilities {
    public static final List<String> DOCKER_DEFAULTS = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
            "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    /** Every capability Linux knows, in number order. */
    public static final List<String> ALL = List.of(
            "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
            "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
            "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
            "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
            "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
            "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
            "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
            "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
            "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    /**
     * What privileged and {@code ALL} give: every capability in the daemon's own bounding set,
     * as Docker gives every one it has. A daemon that runs in a confined container lacks some,
     * and asking the kernel for those would fail the start.
     */
    private static final Set<String> AVAILABLE = Set.copyOf(grantable(Path.of("/proc/self/status")));

    private Capabilities() {}

    static List<String> grantable(Path status) {
        try {
            String bounding = Files.readAllLines(status).stream().filter(l -> l.startsWith("CapBnd:")).findFirst()
                    .map(l -> l.substring("CapBnd:".length()).strip()).orElse(null);
            if (bounding == null) {
                return ALL;
            }
            long bits = Long.parseUnsignedLong(bounding, 16);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ALL.size(); i++) {
                if ((bits & (1L << i)) != 0) {
                    out.add(ALL.get(i));
                }
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            return ALL;
        }
    }

    /** The effective set for a container; an unknown name is an IllegalArgumentException. */
    public static Set<String> resolve(Collection<String> add, Collection<String> drop, boolean privileged) {
        if (privileged) {
            return new TreeSet<>(AVAILABLE);
        }
        List<String> adds = normalize(add, "CapAdd");
        List<String> drops = normalize(drop, "CapDrop");
        Set<String> caps = new TreeSet<>();
        if (!drops.contains("ALL")) {
            caps.addAll(DOCKER_DEFAULTS);
            caps.removeAll(drops);
        }
        if (adds.contains("ALL")) {
            caps.addAll(AVAILABLE);
        } else {
            for (String name : adds) {
                if (!AVAILABLE.contains(name)) {
                    throw new IllegalArgumentException("invalid CapAdd: capability not supported by your kernel "
                            + "or not available in the current environment: \"" + name + "\"");
                }
            }
            caps.addAll(adds);
        }
        caps.retainAll(AVAILABLE);
        return caps;
    }

    private static List<String> normalize(Collection<String> names, String field) {
        List<String> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (String raw : names) {
            String name = raw.trim().toUpperCase(Locale.ROOT);
            if (name.equals("ALL")) {
                out.add(name);
                continue;
            }
            if (!name.startsWith("CAP_")) {
                name = "CAP_" + name;
            }
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("invalid " + field + ": unknown capability: \"" + name + "\"");
            }
            out.add(name);
        }
        return out;
    }
}
