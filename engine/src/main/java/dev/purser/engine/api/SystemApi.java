package dev.purser.engine.api;

import dev.purser.engine.Engine;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.SecurityOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /_ping}, {@code /version} and {@code /info}. */
final class SystemApi {
    static final String VERSION = versionOfThisBuild();
    /** Which build this is (a jar's fingerprint), or "" when run from class directories. */
    static final String BUILD_ID = BuildId.of(SystemApi.class).map(BuildId::value).orElse("");

    private final Engine engine;

    SystemApi(Engine engine) {
        this.engine = engine;
    }

    void register(Router router) {
        pingRoutes(router)
                .add("GET", "/version", this::version)
                .add("GET", "/info", this::info);
    }

    private static String versionOfThisBuild() {
        String v = SystemApi.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /** {@code /_ping}, which needs no engine: a daemon answers it while its engine still opens ({@link ReadinessGate}). */
    static Router pingRoutes(Router router) {
        return router.add("GET", "/_ping", SystemApi::ping).add("HEAD", "/_ping", SystemApi::ping);
    }

    private static void ping(Exchange x) {
        byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
        x.send(200, "text/plain; charset=utf-8", x.method().equals("HEAD") ? new byte[0] : ok);
    }

    private void version(Exchange x) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ApiVersion", Exchange.API_VERSION);
        details.put("MinAPIVersion", Exchange.MIN_API_VERSION);
        details.put("Os", "linux");
        details.put("Arch", arch());
        details.put("KernelVersion", kernel());
        details.put("BuildId", BUILD_ID);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Platform", Map.of("Name", "purser"));
        out.put("Components", List.of(Map.of("Name", "Engine", "Version", VERSION, "Details", details)));
        out.put("Version", VERSION);
        out.put("ApiVersion", Exchange.API_VERSION);
        out.put("MinAPIVersion", Exchange.MIN_API_VERSION);
        out.put("GitCommit", "");
        out.put("GoVersion", "java" + Runtime.version().feature());
        out.put("Os", "linux");
        out.put("Arch", arch());
        out.put("KernelVersion", kernel());
        out.put("BuildTime", "");
        x.json(200, out);
    }

    private void info(Exchange x) throws IOException {
        List<Container> all = engine.containers().list();
        long running = all.stream().filter(c -> c.state().running() && !c.state().paused()).count();
        long paused = all.stream().filter(c -> c.state().paused()).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ID", "purser");
        out.put("Containers", all.size());
        out.put("ContainersRunning", running);
        out.put("ContainersPaused", paused);
        out.put("ContainersStopped", all.size() - running - paused);
        out.put("Images", engine.images().list().size());
        out.put("Driver", "overlay2");
        out.put("DriverStatus", List.of(List.of("Backing Filesystem", "extfs")));
        out.put("Plugins", Map.of("Volume", List.of("local"), "Network", List.of("bridge", "host", "null"),
                "Log", List.of("json-file")));
        out.put("MemoryLimit", true);
        out.put("SwapLimit", Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes")));
        out.put("CpuCfsPeriod", true);
        out.put("CpuCfsQuota", true);
        out.put("CPUShares", true);
        out.put("PidsLimit", true);
        out.put("OomKillDisable", false);
        out.put("Debug", false);
        out.put("NFd", 0);
        out.put("NGoroutines", Thread.activeCount());
        out.put("SystemTime", java.time.Instant.now().toString());
        out.put("LoggingDriver", "json-file");
        out.put("CgroupDriver", "cgroupfs");
        out.put("CgroupVersion", Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1");
        out.put("KernelVersion", kernel());
        out.put("OperatingSystem", operatingSystem());
        out.put("OSVersion", "");
        out.put("OSType", "linux");
        out.put("Architecture", System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch"));
        out.put("NCPU", Runtime.getRuntime().availableProcessors());
        out.put("MemTotal", totalMemory());
        out.put("DockerRootDir", engine.root().root().toString());
        out.put("Name", InetAddress.getLocalHost().getHostName());
        out.put("Labels", List.of());
        out.put("ExperimentalBuild", false);
        out.put("ServerVersion", VERSION);
        out.put("Runtimes", Map.of("purser", Map.of("path", "purser-stage")));
        out.put("DefaultRuntime", "purser");
        out.put("LiveRestoreEnabled", false);
        out.put("Isolation", "");
        out.put("InitBinary", "");
        out.put("SecurityOptions", List.of("name=seccomp,profile=" + SecurityOptions.SECCOMP_DEFAULT));
        out.put("Warnings", List.of());
        x.json(200, out);
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return a.equals("aarch64") ? "arm64" : a;
    }

    static String kernel() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }

    private static String operatingSystem() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "Linux";
    }

    private static long totalMemory() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 0;
    }
}
