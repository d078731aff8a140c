package dev.purser.engine.seccomp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A seccomp profile in Docker's JSON format: a default action, the architectures ({@code
 * architectures}, or an {@code archMap} from the host's architecture to its sub-architectures),
 * and syscall entries with actions, argument rules and {@code includes}/{@code excludes}
 * conditions on capabilities, architecture and kernel version. Everything that can be wrong
 * with a profile is found by {@link #parse}; {@link #resolve} then does what moby's
 * setupSeccomp and runc's filter building do, for one container on one host.
 */
public final class SeccompProfile {
    private static final ObjectMapper JSON = JsonMapper.builder()
            // Go's encoding/json matches field names without regard to case.
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int EPERM = 1;
    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);
    /** A syscall name the stage's format can carry; anything else cannot be a syscall libseccomp knows. */
    private static final Pattern SYSCALL_NAME = Pattern.compile("[A-Za-z0-9_]+");

    private static final Map<String, String> OPS = Map.of(
            "SCMP_CMP_NE", "ne", "SCMP_CMP_LT", "lt", "SCMP_CMP_LE", "le", "SCMP_CMP_EQ", "eq",
            "SCMP_CMP_GE", "ge", "SCMP_CMP_GT", "gt", "SCMP_CMP_MASKED_EQ", "masked_eq");

    /** The OCI runtime spec's architectures; libseccomp's name is the lower-cased rest. */
    private static final Set<String> ARCHES = Set.of(
            "SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32", "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64",
            "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL",
            "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64",
            "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC",
            "SCMP_ARCH_PARISC64", "SCMP_ARCH_RISCV64", "SCMP_ARCH_LOONGARCH64");

    private static final SeccompProfile DOCKER_DEFAULT = loadDefault();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(String defaultAction, BigInteger defaultErrnoRet, List<String> architectures,
                    List<ArchEntry> archMap, List<SyscallEntry> syscalls, List<String> flags,
                    String listenerPath, String listenerMetadata) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArchEntry(String architecture, List<String> subArchitectures) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SyscallEntry(String name, List<String> names, String action, BigInteger errnoRet, List<ArgEntry> args,
                        String comment, Conditions includes, Conditions excludes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Conditions(List<String> caps, List<String> arches, String minKernel) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArgEntry(BigInteger index, BigInteger value, BigInteger valueTwo, String op) {}

    /** A syscall entry, checked: names, the stage's action word, conditions. */
    private record Entry(List<String> names, String action, List<SeccompFilter.Condition> args,
                         Conditions includes, int[] includesKernel, Conditions excludes, int[] excludesKernel) {}

    private final String defaultAction;   // null: the profile turns seccomp off (moby's rule)
    private final List<String> architectures;
    private final Map<String, List<String>> archMap;
    private final List<Entry> entries;

    private SeccompProfile(String defaultAction, List<String> architectures, Map<String, List<String>> archMap,
                           List<Entry> entries) {
        this.defaultAction = defaultAction;
        this.architectures = architectures;
        this.archMap = archMap;
        this.entries = entries;
    }

    /** Docker's default profile (the data of moby/profiles v0.2.3, as vendored by moby). */
    public static SeccompProfile dockerDefault() {
        return DOCKER_DEFAULT;
    }

    private static SeccompProfile loadDefault() {
        try (InputStream in = SeccompProfile.class.getResourceAsStream("default.json")) {
            if (in == null) {
                throw new IllegalStateException("Docker's default seccomp profile is missing from the engine jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a profile; anything that could not be applied is an {@link InvalidProfileException}. */
    public static SeccompProfile parse(String json) {
        Document doc;
        try {
            doc = JSON.readValue(json, Document.class);
        } catch (JsonProcessingException e) {
            throw new InvalidProfileException("Decoding seccomp profile failed: " + e.getOriginalMessage());
        }
        if (doc == null) {
            throw new InvalidProfileException("Decoding seccomp profile failed: the profile is null");
        }
        List<String> architectures = orEmpty(doc.architectures());
        List<ArchEntry> archMapEntries = orEmpty(doc.archMap());
        if (!architectures.isEmpty() && !archMapEntries.isEmpty()) {
            throw new InvalidProfileException("both 'architectures' and 'archMap' are specified in the seccomp profile, "
                    + "use either 'architectures' or 'archMap'");
        }
        if (!orEmpty(doc.flags()).isEmpty()) {
            throw new InvalidProfileException("seccomp profile flags " + doc.flags() + " are not supported by purser");
        }
        if (notEmpty(doc.listenerPath()) || notEmpty(doc.listenerMetadata())) {
            throw new InvalidProfileException("seccomp profile listenerPath (SCMP_ACT_NOTIFY) is not supported by purser");
        }
        for (String arch : architectures) {
            checkArch(arch);
        }
        Map<String, List<String>> archMap = new LinkedHashMap<>();
        for (ArchEntry a : archMapEntries) {
            if (a == null) {
                throw new InvalidProfileException("seccomp profile has a null archMap entry");
            }
            checkArch(a.architecture());
            List<String> subs = orEmpty(a.subArchitectures());
            subs.forEach(SeccompProfile::checkArch);
            archMap.putIfAbsent(a.architecture(), subs);
        }
        List<SyscallEntry> syscalls = orEmpty(doc.syscalls());
        boolean disabled = !notEmpty(doc.defaultAction()) && syscalls.isEmpty();
        String defaultAction = disabled ? null : action(doc.defaultAction(), doc.defaultErrnoRet(), "defaultAction");
        List<Entry> entries = new ArrayList<>();
        for (SyscallEntry s : syscalls) {
            entries.add(entry(s));
        }
        return new SeccompProfile(defaultAction, List.copyOf(architectures), archMap, List.copyOf(entries));
    }

    private static Entry entry(SyscallEntry s) {
        if (s == null) {
            throw new InvalidProfileException("encountered nil syscall while initializing Seccomp");
        }
        List<String> names;
        if (notEmpty(s.name())) {
            if (!orEmpty(s.names()).isEmpty()) {
                throw new InvalidProfileException("both 'name' and 'names' are specified in the seccomp profile, "
                        + "use either 'name' or 'names'");
            }
            names = List.of(s.name());
        } else {
            names = orEmpty(s.names());
        }
        String action = action(s.action(), s.errnoRet(), "action of " + names);
        List<SeccompFilter.Condition> args = new ArrayList<>();
        for (ArgEntry a : orEmpty(s.args())) {
            if (a == null || a.index() == null || a.op() == null) {
                throw new InvalidProfileException("seccomp profile: an argument rule of " + names + " needs index and op");
            }
            if (a.index().signum() < 0 || a.index().compareTo(BigInteger.valueOf(5)) > 0) {
                throw new InvalidProfileException("seccomp profile: argument index " + a.index() + " of " + names
                        + " is out of range (0 to 5)");
            }
            String op = OPS.get(a.op());
            if (op == null) {
                throw new InvalidProfileException("seccomp profile: unknown comparison operator " + a.op() + " for " + names);
            }
            args.add(new SeccompFilter.Condition(a.index().intValue(), op, uint64(a.value(), names), uint64(a.valueTwo(), names)));
        }
        Conditions in = s.includes() == null ? new Conditions(null, null, null) : s.includes();
        Conditions ex = s.excludes() == null ? new Conditions(null, null, null) : s.excludes();
        return new Entry(names, action, args, in, kernelVersion(in.minKernel()), ex, kernelVersion(ex.minKernel()));
    }

    /** Docker's action as the stage writes it; ERRNO and TRACE take errnoRet, or EPERM (runc's rule). */
    private static String action(String name, BigInteger errnoRet, String what) {
        if (name == null || name.isEmpty()) {
            throw new InvalidProfileException("seccomp profile: " + what + " is missing");
        }
        return switch (name) {
            case "SCMP_ACT_ALLOW" -> "allow";
            case "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD" -> "kill_thread";
            case "SCMP_ACT_KILL_PROCESS" -> "kill_process";
            case "SCMP_ACT_TRAP" -> "trap";
            case "SCMP_ACT_LOG" -> "log";
            case "SCMP_ACT_ERRNO" -> "errno:" + returnCode(errnoRet, what);
            case "SCMP_ACT_TRACE" -> "trace:" + returnCode(errnoRet, what);
            case "SCMP_ACT_NOTIFY" -> throw new InvalidProfileException(
                    "seccomp profile: SCMP_ACT_NOTIFY (" + what + ") is not supported by purser");
            default -> throw new InvalidProfileException("seccomp profile: invalid action " + name + " (" + what + ")");
        };
    }

    private static int returnCode(BigInteger errnoRet, String what) {
        if (errnoRet == null) {
            return EPERM;
        }
        if (errnoRet.signum() < 0 || errnoRet.compareTo(BigInteger.valueOf(0xffff)) > 0) {
            throw new InvalidProfileException("seccomp profile: errnoRet " + errnoRet + " of " + what + " is out of range");
        }
        return errnoRet.intValue();
    }

    private static long uint64(BigInteger v, List<String> names) {
        if (v == null) {
            return 0;
        }
        if (v.signum() < 0 || v.compareTo(UINT64_LIMIT) >= 0) {
            throw new InvalidProfileException("seccomp profile: argument value " + v + " of " + names + " is not a 64-bit unsigned number");
        }
        return v.longValue();
    }

    private static void checkArch(String arch) {
        if (arch == null || !ARCHES.contains(arch)) {
            throw new InvalidProfileException("seccomp profile: unknown architecture " + arch);
        }
    }

    /** moby's KernelVersion: "KERNEL.MAJOR", both below 256, not 0.0; null or "" for none. */
    private static int[] kernelVersion(String v) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        String expected = "invalid kernel version: \"" + v + "\", expected \"<kernel>.<major>\"";
        String[] parts = v.split("\\.", 3);
        if (parts.length != 2) {
            throw new InvalidProfileException(expected);
        }
        int[] out = new int[2];
        for (int i = 0; i < 2; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidProfileException(expected);
            }
            if (out[i] < 0 || out[i] > 255 || !parts[i].matches("\\d+")) {
                throw new InvalidProfileException(expected);
            }
        }
        if (out[0] == 0 && out[1] == 0) {
            throw new InvalidProfileException(expected + ": version cannot be 0.0");
        }
        return out;
    }

    /**
     * The filter for a container whose bounding set is {@code capabilities} on {@code platform};
     * empty when the profile turns seccomp off (no default action and no syscalls, as in moby).
     */
    public Optional<SeccompFilter> resolve(Set<String> capabilities, Platform platform) {
        if (defaultAction == null) {
            return Optional.empty();
        }
        List<String> arches = new ArrayList<>(architectures);
        List<String> sub = platform.seccompArch() == null ? null : archMap.get(platform.seccompArch());
        if (sub != null) {
            arches.add(platform.seccompArch());
            arches.addAll(sub);
        }
        List<SeccompFilter.Rule> rules = new ArrayList<>();
        for (Entry e : entries) {
            if (!applies(e, capabilities, platform) || e.action().equals(defaultAction)) {
                // libseccomp refuses a rule with the default action; runc skips it too
                continue;
            }
            for (String name : e.names()) {
                if (name == null || !SYSCALL_NAME.matcher(name).matches()) {
                    continue;
                }
                rules.addAll(rules(name, e));
            }
        }
        List<String> libseccompArches = arches.stream().distinct()
                .map(a -> a.substring("SCMP_ARCH_".length()).toLowerCase(Locale.ROOT)).toList();
        return Optional.of(new SeccompFilter(defaultAction, libseccompArches, rules));
    }

    /** runc's rule: conditions on distinct arguments make one rule (AND); two on the same argument make one rule each (OR). */
    private static List<SeccompFilter.Rule> rules(String name, Entry e) {
        long distinct = e.args().stream().mapToInt(SeccompFilter.Condition::index).distinct().count();
        if (distinct == e.args().size()) {
            return List.of(new SeccompFilter.Rule(e.action(), name, e.args()));
        }
        return e.args().stream().map(c -> new SeccompFilter.Rule(e.action(), name, List.of(c))).toList();
    }

    /** moby's setupSeccomp: excludes first (any match drops the entry), then includes (all must match). */
    private static boolean applies(Entry e, Set<String> caps, Platform platform) {
        Conditions ex = e.excludes();
        if (orEmpty(ex.arches()).contains(platform.arch())) {
            return false;
        }
        if (orEmpty(ex.caps()).stream().anyMatch(caps::contains)) {
            return false;
        }
        if (e.excludesKernel() != null && platform.kernelAtLeast(e.excludesKernel())) {
            return false;
        }
        Conditions in = e.includes();
        if (!orEmpty(in.arches()).isEmpty() && !in.arches().contains(platform.arch())) {
            return false;
        }
        if (!caps.containsAll(orEmpty(in.caps()))) {
            return false;
        }
        return e.includesKernel() == null || platform.kernelAtLeast(e.includesKernel());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    @Override
    public String toString() {
        return "SeccompProfile[default=" + defaultAction + ", arches=" + architectures + ", archMap=" + archMap.keySet()
                + ", entries=" + entries.size() + "]";
    }
}
