package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.Purser;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code purser volume prune} against a daemon older than API 1.42 (Debian's dockerd 20.10,
 * started here on a socket and state of its own, no bridge, no iptables): as docker's CLI, it
 * asks the all-volumes question, prunes named volumes too, and refuses {@code --all}.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VolumePruneOldApiIT {
    static Path dir;
    static Process dockerd;
    static String host;

    @BeforeAll
    static void startDockerd() throws IOException, InterruptedException {
        dir = Files.createDirectories(Path.of("/tmp/purser-tui-it", "dockerd-" + UUID.randomUUID().toString().substring(0, 8)));
        host = "unix://" + dir.resolve("docker.sock");
        dockerd = new ProcessBuilder("dockerd", "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(), "-H", host, "--bridge=none", "--iptables=false", "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (purser("version").exitCode() != 0) {
            if (System.nanoTime() > deadline || !dockerd.isAlive()) {
                throw new AssertionError("dockerd did not come up:\n" + Files.readString(dir.resolve("dockerd.log")));
            }
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopDockerd() throws InterruptedException {
        if (dockerd == null) return;
        dockerd.destroy();
        if (!dockerd.waitFor(30, TimeUnit.SECONDS)) dockerd.destroyForcibly().waitFor();
    }

    private static Result purser(String... args) {
        return purser(InputStream.nullInputStream(), args);
    }

    private static Result purser(InputStream stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("-H", host));
        all.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PURSER_AUTOSTART", "0");
        env.remove("PURSER_HOST");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Purser.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stdin, env, false);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void allIsRefusedWithDockersMessageAndPrunesNothing() {
        assertThat(purser("volume", "create", "old-api-kept").exitCode()).isZero();
        Result r = purser("volume", "prune", "-a", "-f");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("\"--all\" requires API version 1.42, but the Docker daemon API version is 1.41");
        assertThat(purser("volume", "ls", "-q").out().lines()).contains("old-api-kept");
    }

    @Test
    void thePromptWarnsThatNamedVolumesGoTooAndTheyDo() {
        assertThat(purser("volume", "create", "old-api-named").exitCode()).isZero();
        Result r = purser(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)), "volume", "prune");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("WARNING! This will remove all local volumes not used by at least one container.\n"
                + "Are you sure you want to continue? [y/N] Deleted Volumes:\n").contains("old-api-named\n");
        assertThat(purser("volume", "ls", "-q").out().lines()).doesNotContain("old-api-named");
    }
}
