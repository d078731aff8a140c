package dev.purser.tui.client;

import java.util.List;
import java.util.Map;

/**
 * Where the daemon is and where its state lives. The host comes from {@code -H/--host}, else
 * {@code PURSER_HOST}, else purser's own socket; the root from {@code --root}, else
 * {@code PURSER_ROOT}, else {@code /var/lib/purser}. {@code hostFromFlag} matters because an
 * explicit {@code -H} elsewhere must never auto-start a daemon. An auto-started daemon's JVM gets
 * {@code PURSER_DAEMON_JAVA_OPTS} when set, else {@link #DEFAULT_DAEMON_JVM_OPTIONS}.
 */
public record ClientSettings(String host, boolean hostFromFlag, String root, boolean autoStart,
                             List<String> daemonJvmOptions) {
    public static final String DEFAULT_HOST = "unix:///run/purser/purser.sock";
    public static final String DEFAULT_ROOT = "/var/lib/purser";
    /** How an auto-started daemon's JVM runs; see docs/decisions/0005, 0041 and 0062. PURSER_DAEMON_JAVA_OPTS replaces them. */
    public static final List<String> DEFAULT_DAEMON_JVM_OPTIONS = defaultDaemonJvmOptions(Runtime.version());

    /**
     * The serial collector, a heap that starts small, is capped and given back soon after a
     * burst; Netty without its pooling arenas; both JIT compilers, with their invocation and loop
     * thresholds eight times the JVM's, so only code that runs often is compiled and the code
     * cache stays small (decision 0062); and, on a JDK that has it (17.0.9+, 21.0.1+, 22+), the
     * native heap trimmed every 5 s, which returns what glibc keeps of freed memory (decision 0041).
     */
    static List<String> defaultDaemonJvmOptions(Runtime.Version java) {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx256m",
                "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Dio.netty.allocator.type=unpooled",
                "-XX:CompileThresholdScaling=8"));
        int feature = java.feature();
        int update = java.update();
        if (feature >= 22 || (feature == 21 && update >= 1) || (feature == 17 && update >= 9)) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    public static ClientSettings resolve(String hostFlag, String rootFlag, Map<String, String> env) {
        String host = nonEmpty(hostFlag) ? hostFlag : nonEmpty(env.get("PURSER_HOST")) ? env.get("PURSER_HOST") : DEFAULT_HOST;
        String root = nonEmpty(rootFlag) ? rootFlag : nonEmpty(env.get("PURSER_ROOT")) ? env.get("PURSER_ROOT") : DEFAULT_ROOT;
        boolean autoStart = !"0".equals(env.get("PURSER_AUTOSTART")) && !"false".equals(env.get("PURSER_AUTOSTART"));
        String jvm = env.get("PURSER_DAEMON_JAVA_OPTS");
        List<String> daemonJvm = jvm == null ? DEFAULT_DAEMON_JVM_OPTIONS
                : java.util.Arrays.stream(jvm.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
        return new ClientSettings(normalize(host), nonEmpty(hostFlag), root, autoStart, daemonJvm);
    }

    /** {@code -H /path/to.sock} is accepted as a socket path, like docker accepts unix://. */
    private static String normalize(String host) {
        return host.startsWith("/") ? "unix://" + host : host;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /**
     * Whether an auto-started daemon maps (or makes) its class-data-sharing archive
     * ({@link DaemonArchive}): with the default options; options of one's own are used as given.
     */
    public boolean daemonArchive() {
        return daemonJvmOptions.equals(DEFAULT_DAEMON_JVM_OPTIONS);
    }

    public boolean isUnixSocket() {
        return host.startsWith("unix://");
    }

    public String socketPath() {
        return host.substring("unix://".length());
    }

    /** Auto-start only for purser's own socket: the default, or one not named by an explicit -H. */
    public boolean mayStartDaemon() {
        return autoStart && isUnixSocket() && (!hostFromFlag || host.equals(DEFAULT_HOST));
    }
}
