package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.Purser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client starts purser's daemon itself: PURSER_HOST names a socket nobody listens on (it is
 * purser's own socket, not an explicit -H), so {@code purser version} launches {@code purser
 * daemon} as a separate JVM from this class path, waits for /_ping and talks to it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AutoStartIT {
    private Path root;

    @AfterEach
    void killDaemon() throws Exception {
        if (root == null) return;
        // only our own children whose command line names this test's fresh root
        List<ProcessHandle> daemons = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).contains("\0--root\0" + root + "\0"))
                .toList();
        assertThat(daemons).as("the daemon this test started").isNotEmpty();
        assertThat(commandLine(daemons.get(0))).as("the daemon's JVM options").contains("\0-XX:+UseSerialGC\0-Xms8m\0-Xmx256m\0-XX:MinHeapFreeRatio=10\0-XX:MaxHeapFreeRatio=30\0");
        for (ProcessHandle p : daemons) {
            p.destroy();
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** /proc/PID/cmdline (NUL-separated); ProcessHandle.Info drops arguments of long command lines. */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void versionStartsTheDaemonAndPrintsTheServerSection() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-tui-it", "autostart-" + UUID.randomUUID().toString().substring(0, 8)));
        Path socket = root.resolve("run/purser.sock");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PURSER_HOST", "unix://" + socket);
        env.remove("PURSER_AUTOSTART");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Purser.run(new String[] {"--root", root.toString(), "version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), env, false);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout).contains("Client:").contains("Server:");
        assertThat(Files.exists(socket)).isTrue();
        assertThat(root.resolve("daemon.log")).exists();
        assertThat(Files.readString(root.resolve("daemon.log"))).contains("ready");
    }

    @Test
    void explicitHostFlagNeverStartsADaemon() throws Exception {
        Path dir = Files.createDirectories(Path.of("/tmp/purser-tui-it", "no-autostart-" + UUID.randomUUID().toString().substring(0, 8)));
        Path socket = dir.resolve("purser.sock");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("PURSER_HOST");
        env.remove("PURSER_AUTOSTART");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Purser.run(new String[] {"-H", "unix://" + socket, "--root", dir.toString(), "ps"}, new PrintStream(out, true),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), env, false);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Cannot connect to the purser daemon at unix://" + socket);
        assertThat(dir.resolve("daemon.log")).doesNotExist();
    }

    @Test
    void aSocketNobodyListensOnGivesTheCannotConnectMessage() throws Exception {
        Path dir = Files.createDirectories(Path.of("/tmp/purser-tui-it", "stale-" + UUID.randomUUID().toString().substring(0, 8)));
        Path socket = dir.resolve("purser.sock");
        // bound and closed: the file stays, nothing answers
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Purser.run(new String[] {"-H", "unix://" + socket, "ps"}, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), Map.of(), false);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Cannot connect to the purser daemon at unix://" + socket + ". Is the daemon running?\n");
    }

    @Test
    void aUserWhoMayNotUseTheSocketIsToldPermissionDenied() throws Exception {
        Path dir = Files.createDirectories(Path.of("/tmp/purser-tui-it", "denied-" + UUID.randomUUID().toString().substring(0, 8)));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = dir.resolve("purser.sock");
        Path jar = Files.copy(Path.of("target/purser.jar"), dir.resolve("purser.jar"));
        Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(java.net.UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    java, "-jar", jar.toString(), "-H", "unix://" + socket, "ps")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(stderr).isEqualTo("permission denied while trying to connect to the purser daemon socket at unix://"
                    + socket + ": connect: permission denied\n");
        }
    }
}
