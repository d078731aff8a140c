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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the README says about stopping and restarting the daemon: an auto-started daemon writes its
 * pid to {@code <root>/daemon.pid}; SIGTERM to that pid stops it and removes the pid file and the
 * socket; the next command starts it again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DaemonStopIT {
    private static int purser(Path root, Path socket, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PURSER_HOST", "unix://" + socket);
        env.put("PURSER_ROOT", root.toString());
        env.remove("PURSER_AUTOSTART");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Purser.run(args, new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(), env, false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return code;
    }

    private static ProcessHandle daemonOf(Path root) throws Exception {
        long pid = Long.parseLong(Files.readString(root.resolve("daemon.pid")).strip());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        // the pid file names the daemon this test started, one of this JVM's descendants
        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).contains(pid);
        return daemon;
    }

    @Test
    void sigtermToThePidInDaemonPidStopsTheDaemonAndTheNextCommandStartsItAgain() throws Exception {
        Path root = Files.createDirectories(Path.of("/tmp/purser-tui-it", "stop-" + UUID.randomUUID().toString().substring(0, 8)));
        Path socket = root.resolve("run/purser.sock");
        purser(root, socket, "version");
        ProcessHandle first = daemonOf(root);
        first.destroy(); // SIGTERM, as `kill $(cat daemon.pid)`
        first.onExit().get(60, TimeUnit.SECONDS);
        assertThat(root.resolve("daemon.pid")).doesNotExist();
        assertThat(socket).doesNotExist();

        purser(root, socket, "version");
        ProcessHandle second = daemonOf(root);
        assertThat(second.pid()).isNotEqualTo(first.pid());
        second.destroy();
        second.onExit().get(60, TimeUnit.SECONDS);
    }
}
