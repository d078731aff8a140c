package dev.purser.engine.mount;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A container's own mounts from {@code HostConfig.Binds}, {@code Mounts} and {@code Tmpfs},
 * checked as dockerd checks them (its volume/mounts linux parser, Docker's messages) and
 * refused where they would need what purser does not have yet (shared propagation, SELinux
 * labels). Volumes come out unresolved (an anonymous one without a name): the container's
 * create names and creates them. An {@link IllegalArgumentException} carries the message.
 */
public final class MountPlan {
    private static final Set<String> RW_MODES = Set.of("rw", "ro");
    private static final Set<String> LABEL_MODES = Set.of("z", "Z");
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "slave", "rslave", "shared", "rshared");
    private static final Set<String> APPLIED_PROPAGATIONS = Set.of("private", "rprivate", "slave", "rslave");
    private static final Set<String> COPY_MODES = Set.of("nocopy");
    private static final Set<String> CONSISTENCIES = Set.of("consistent", "cached", "delegated");
    private static final String DEFAULT_PROPAGATION = "rprivate";
    /** The files under /proc runc lets a bind cover (lxcfs's). */
    private static final Set<String> PROC_FILES = Set.of("/proc/cpuinfo", "/proc/diskstats", "/proc/meminfo",
            "/proc/stat", "/proc/swaps", "/proc/uptime", "/proc/loadavg", "/proc/slabinfo", "/proc/net/dev",
            "/proc/sys/kernel/ns_last_pid");
    /** Docker's options for every tmpfs, before the user's. */
    private static final List<String> TMPFS_DEFAULTS = List.of("noexec", "nosuid", "nodev", DEFAULT_PROPAGATION);

    private MountPlan() {}

    /**
     * The mount points, shallower destinations first (Docker's order), or the first problem.
     *
     * @param checkSources whether {@code --mount} bind sources must exist (at create; not when
     *                     a stored container is shown or started: a start reports it itself)
     */
    public static List<MountPoint> of(List<String> binds, List<MountSpec> mounts, Map<String, String> tmpfs,
                                      boolean checkSources) {
        List<MountPoint> out = new ArrayList<>();
        Set<String> destinations = new HashSet<>();
        for (String dest : tmpfs.keySet()) {
            checkTmpfsDestination(dest);
        }
        for (MountSpec m : mounts) {
            checkMountConfig(m, checkSources);
        }
        for (String raw : binds) {
            MountPoint p = parseBind(raw);
            if (!destinations.add(p.destination()) || tmpfs.containsKey(p.destination())) {
                throw duplicate(p.destination());
            }
            out.add(p);
        }
        for (MountSpec m : mounts) {
            MountPoint p = fromSpec(m);
            if (!destinations.add(p.destination())) {
                throw duplicate(m.target());
            }
            out.add(p);
        }
        for (Map.Entry<String, String> t : tmpfs.entrySet()) {
            String dest = Path.of(t.getKey()).normalize().toString();
            if (!destinations.add(dest)) {
                throw duplicate(t.getKey());
            }
            List<String> options = new ArrayList<>(TMPFS_DEFAULTS);
            if (!t.getValue().isEmpty()) {
                options.addAll(List.of(t.getValue().split(",")));
            }
            out.add(new MountPoint("tmpfs", "", dest, "", !options.contains("ro"), "", merge(options), false, false));
        }
        for (MountPoint p : out) {
            checkProc(p);
        }
        out.sort(Comparator.comparingInt(MountPoint::depth));
        return List.copyOf(out);
    }

    private static IllegalArgumentException duplicate(String destination) {
        return new IllegalArgumentException("Duplicate mount point: " + destination);
    }

    /** {@code -v SOURCE:TARGET[:MODE]}, dockerd's ParseMountRaw. */
    private static MountPoint parseBind(String raw) {
        String[] arr = raw.split(":", 4);
        if (arr[0].isEmpty()) {
            throw invalidSpec(raw);
        }
        String source = "";
        String target;
        String mode = "";
        switch (arr.length) {
            case 1 -> target = arr[0];
            case 2 -> {
                if (validMode(arr[1])) {
                    // a destination and a mode, without a source: /foo:rw
                    throw invalidSpec(raw);
                }
                source = arr[0];
                target = arr[1];
            }
            case 3 -> {
                source = arr[0];
                target = arr[1];
                mode = arr[2];
            }
            default -> throw invalidSpec(raw);
        }
        if (!validMode(mode)) {
            throw new IllegalArgumentException("invalid mode: " + mode);
        }
        boolean bind = source.startsWith("/");
        String type = bind ? "bind" : "volume";
        String prefix = "invalid volume specification: '" + raw + "': invalid mount config for type \"" + type + "\": ";
        if (words(mode).contains("nocopy") && bind) {
            throw new IllegalArgumentException(prefix + "field VolumeOptions must not be specified");
        }
        String targetProblem = targetProblem(target);
        if (targetProblem != null) {
            throw new IllegalArgumentException(prefix + targetProblem);
        }
        if (!bind) {
            if (!source.isEmpty()) {
                checkVolumeName(source);
            }
            for (String w : words(mode)) {
                if (PROPAGATIONS.contains(w)) {
                    // dockerd turns it into BindOptions, which a volume must not have
                    throw new IllegalArgumentException(prefix + "field BindOptions must not be specified");
                }
            }
            refuseUnapplied(words(mode));
            String shown = mode.isEmpty() ? "z" : mode;
            return MountPoint.volume(source, Path.of(target).normalize().toString(), shown,
                    !words(mode).contains("ro"), !words(mode).contains("nocopy"), null);
        }
        refuseUnapplied(words(mode));
        String propagation = words(mode).stream().filter(PROPAGATIONS::contains).findFirst().orElse(DEFAULT_PROPAGATION);
        return new MountPoint("bind", Path.of(source).normalize().toString(), Path.of(target).normalize().toString(),
                mode, !words(mode).contains("ro"), propagation, "", true, true);
    }

    /** Docker's local volume name rules, with the message of the create that would fail. */
    private static void checkVolumeName(String name) {
        dev.purser.engine.volume.VolumeName.check(name);
    }

    private static void refuseUnapplied(List<String> modes) {
        for (String w : modes) {
            if (LABEL_MODES.contains(w)) {
                throw new IllegalArgumentException("purser does not support the " + w + " volume option (SELinux relabelling) yet");
            }
            if (PROPAGATIONS.contains(w) && !APPLIED_PROPAGATIONS.contains(w)) {
                throw new IllegalArgumentException("purser does not support " + w + " bind propagation yet");
            }
        }
    }

    private static IllegalArgumentException invalidSpec(String raw) {
        return new IllegalArgumentException("invalid volume specification: '" + raw + "'");
    }

    private static List<String> words(String mode) {
        return mode.isEmpty() ? List.of() : List.of(mode.split(",", -1));
    }

    /** dockerd's linuxValidMountMode: known words, at most one of each kind. */
    private static boolean validMode(String mode) {
        if (mode.isEmpty()) {
            return true;
        }
        int rw = 0;
        int label = 0;
        int propagation = 0;
        int copy = 0;
        int consistency = 0;
        for (String w : words(mode)) {
            if (RW_MODES.contains(w)) {
                rw++;
            } else if (LABEL_MODES.contains(w)) {
                label++;
            } else if (PROPAGATIONS.contains(w)) {
                propagation++;
            } else if (COPY_MODES.contains(w)) {
                copy++;
            } else if (CONSISTENCIES.contains(w)) {
                consistency++;
            } else {
                return false;
            }
        }
        return rw <= 1 && label <= 1 && propagation <= 1 && copy <= 1 && consistency <= 1;
    }

    /** Why a target is not one, in dockerd's words; null when it is. */
    private static String targetProblem(String target) {
        if (target.isEmpty()) {
            return "field Target must not be empty";
        }
        if (Path.of(target.replace('\\', '/')).normalize().toString().equals("/")) {
            return "invalid specification: destination can't be '/'";
        }
        if (!target.startsWith("/")) {
            return "invalid mount path: '" + target + "' mount path must be absolute";
        }
        return null;
    }

    private static void checkTmpfsDestination(String dest) {
        String problem = targetProblem(dest);
        if (problem != null && !dest.isEmpty()) {
            throw new IllegalArgumentException(problem);
        }
        if (dest.isEmpty()) {
            throw new IllegalArgumentException("invalid mount path: '' mount path must be absolute");
        }
    }

    /** dockerd's ValidateMountConfig, for the types purser applies. */
    private static void checkMountConfig(MountSpec m, boolean checkSources) {
        String prefix = "invalid mount config for type \"" + m.type() + "\": ";
        if (!m.type().equals("bind") && m.bindOptions() != null) {
            throw new IllegalArgumentException(prefix + "field BindOptions must not be specified");
        }
        if (!m.type().equals("tmpfs") && m.tmpfsOptions() != null) {
            throw new IllegalArgumentException(prefix + "field TmpfsOptions must not be specified");
        }
        if (!m.type().equals("volume") && m.volumeOptions() != null) {
            throw new IllegalArgumentException(prefix + "field VolumeOptions must not be specified");
        }
        String problem = targetProblem(m.target());
        if (problem != null) {
            throw new IllegalArgumentException(prefix + problem);
        }
        switch (m.type()) {
            case "bind" -> {
                if (m.source().isEmpty()) {
                    throw new IllegalArgumentException(prefix + "field Source must not be empty");
                }
                String propagation = m.bindOptions() == null || m.bindOptions().propagation() == null
                        ? "" : m.bindOptions().propagation();
                if (!propagation.isEmpty() && !PROPAGATIONS.contains(propagation)) {
                    throw new IllegalArgumentException(prefix + "invalid propagation mode: " + propagation);
                }
                if (!m.source().startsWith("/")) {
                    throw new IllegalArgumentException(prefix + "invalid mount path: '" + m.source() + "' mount path must be absolute");
                }
                if (m.source().contains(":")) {
                    // the stage's --bind SRC:DST ends SRC at the first ':'
                    throw new IllegalArgumentException("purser does not support bind sources with a ':' in their path yet");
                }
                boolean create = m.bindOptions() != null && m.bindOptions().createMountpoint();
                if (checkSources && !create && !Files.exists(Path.of(m.source()))) {
                    throw new IllegalArgumentException(prefix + "bind source path does not exist: " + m.source());
                }
                refuseUnapplied(propagation.isEmpty() ? List.of() : List.of(propagation));
            }
            case "volume" -> {
                if (m.source().isEmpty() && m.readOnly()) {
                    throw new IllegalArgumentException(prefix + "must not set ReadOnly mode when using anonymous volumes");
                }
                if (!m.source().isEmpty()) {
                    checkVolumeName(m.source());
                }
            }
            case "tmpfs" -> {
                if (!m.source().isEmpty()) {
                    throw new IllegalArgumentException(prefix + "field Source must not be specified");
                }
                tmpfsData(m, prefix);
            }
            default -> throw new IllegalArgumentException(prefix + "mount type unknown");
        }
    }

    private static MountPoint fromSpec(MountSpec m) {
        String dest = Path.of(m.target()).normalize().toString();
        if (m.type().equals("volume")) {
            MountSpec.VolumeOptions o = m.volumeOptions();
            return MountPoint.volume(m.source(), dest, "z", !m.readOnly(), o == null || !o.noCopy(),
                    o == null ? null : o.labels());
        }
        if (m.type().equals("bind")) {
            String propagation = m.bindOptions() == null || m.bindOptions().propagation() == null
                    || m.bindOptions().propagation().isEmpty() ? DEFAULT_PROPAGATION : m.bindOptions().propagation();
            boolean create = m.bindOptions() != null && m.bindOptions().createMountpoint();
            return new MountPoint("bind", Path.of(m.source()).normalize().toString(), dest, "", !m.readOnly(),
                    propagation, "", create, true);
        }
        List<String> options = new ArrayList<>(TMPFS_DEFAULTS);
        String data = tmpfsData(m, "");
        if (!data.isEmpty()) {
            options.addAll(List.of(data.split(",")));
        }
        return new MountPoint("tmpfs", "", dest, "", !m.readOnly(), "", merge(options), false, true);
    }

    /** dockerd's ConvertTmpfsOptions: ro, mode in octal, size with the largest exact suffix, then exec/noexec. */
    private static String tmpfsData(MountSpec m, String prefix) {
        List<String> raw = new ArrayList<>();
        if (m.readOnly()) {
            raw.add("ro");
        }
        MountSpec.TmpfsOptions o = m.tmpfsOptions();
        if (o != null && o.mode() != 0) {
            raw.add("mode=" + Integer.toOctalString(o.mode()));
        }
        if (o != null && o.sizeBytes() != 0) {
            long size = o.sizeBytes();
            String suffix = "";
            for (Object[] unit : new Object[][] {{"g", 1L << 30}, {"m", 1L << 20}, {"k", 1L << 10}}) {
                long divisor = (Long) unit[1];
                if (size % divisor == 0) {
                    size /= divisor;
                    suffix = (String) unit[0];
                    break;
                }
            }
            raw.add("size=" + size + suffix);
        }
        if (o != null && o.options() != null) {
            for (List<String> opt : o.options()) {
                if (opt == null || opt.isEmpty() || opt.size() > 2) {
                    throw new IllegalArgumentException(prefix + "invalid option array length");
                }
                if (!opt.get(0).equals("exec") && !opt.get(0).equals("noexec")) {
                    throw new IllegalArgumentException(prefix + "invalid option: " + opt.get(0));
                }
                raw.add(opt.size() == 1 ? opt.get(0) : opt.get(0) + "=" + opt.get(1));
            }
        }
        return String.join(",", raw);
    }

    /** A flag and its opposite, or a key=value: the last one given wins (moby's MergeTmpfsOptions). */
    private static String merge(List<String> options) {
        Map<String, String> byKind = new LinkedHashMap<>();
        for (String o : options) {
            if (o.isEmpty()) {
                continue;
            }
            int eq = o.indexOf('=');
            String kind = eq >= 0 ? o.substring(0, eq) : flagKind(o);
            byKind.remove(kind);
            byKind.put(kind, o);
        }
        return String.join(",", byKind.values());
    }

    private static String flagKind(String flag) {
        return switch (flag) {
            case "ro", "rw" -> "rw";
            case "private", "rprivate", "slave", "rslave", "shared", "rshared" -> "propagation";
            default -> flag.startsWith("no") ? flag.substring(2) : flag;
        };
    }

    private static void checkProc(MountPoint p) {
        if (p.destination().equals("/proc")) {
            throw new IllegalArgumentException("\"/proc\" cannot be mounted because it is not of type proc");
        }
        if (p.destination().startsWith("/proc/") && !(p.isBind() && PROC_FILES.contains(p.destination()))) {
            throw new IllegalArgumentException("\"" + p.destination() + "\" cannot be mounted because it is inside /proc");
        }
    }
}
