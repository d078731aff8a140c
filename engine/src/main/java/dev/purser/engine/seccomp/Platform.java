package dev.purser.engine.seccomp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a profile's {@code includes}/{@code excludes} are matched against besides capabilities:
 * the architecture by Docker's (Go's) name ({@code amd64}, {@code arm64}, {@code x86}, ...) and
 * the kernel's version and major revision ({@code 6.18}).
 */
public record Platform(String arch, int kernel, int major) {
    /** The JVM's os.arch, as Go's GOARCH, then as moby's "native" name. */
    private static final Map<String, String> JAVA_TO_DOCKER = Map.ofEntries(
            Map.entry("amd64", "amd64"), Map.entry("x86_64", "amd64"),
            Map.entry("x86", "x86"), Map.entry("i386", "x86"), Map.entry("i686", "x86"),
            Map.entry("aarch64", "arm64"), Map.entry("arm", "arm"),
            Map.entry("ppc64le", "ppc64le"), Map.entry("ppc64", "ppc64"),
            Map.entry("s390x", "s390x"), Map.entry("riscv64", "riscv64"),
            Map.entry("loongarch64", "loongarch64"), Map.entry("mips64el", "mipsel64"));

    /** moby's native name to the profile's archMap key. */
    private static final Map<String, String> DOCKER_TO_SECCOMP = Map.ofEntries(
            Map.entry("x86", "SCMP_ARCH_X86"), Map.entry("amd64", "SCMP_ARCH_X86_64"),
            Map.entry("arm", "SCMP_ARCH_ARM"), Map.entry("arm64", "SCMP_ARCH_AARCH64"),
            Map.entry("loongarch64", "SCMP_ARCH_LOONGARCH64"), Map.entry("mipsel64", "SCMP_ARCH_MIPSEL64"),
            Map.entry("ppc64", "SCMP_ARCH_PPC64"), Map.entry("ppc64le", "SCMP_ARCH_PPC64LE"),
            Map.entry("riscv64", "SCMP_ARCH_RISCV64"), Map.entry("s390x", "SCMP_ARCH_S390X"));

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    public static Platform host() {
        String arch = JAVA_TO_DOCKER.getOrDefault(System.getProperty("os.arch"), System.getProperty("os.arch"));
        String release;
        try {
            release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            release = System.getProperty("os.version");
        }
        Matcher m = VERSION.matcher(release);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the kernel's version from '" + release + "'");
        }
        return new Platform(arch, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The profile's name for this architecture ({@code SCMP_ARCH_X86_64}), or null when it has none. */
    String seccompArch() {
        return DOCKER_TO_SECCOMP.get(arch);
    }

    boolean kernelAtLeast(int[] version) {
        return kernel != version[0] ? kernel > version[0] : major >= version[1];
    }
}
