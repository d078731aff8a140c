package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** purser's own CLI: {@code -v}, {@code --mount}, {@code --tmpfs} and {@code --read-only} reach the daemon as docker sends them. */
class MountsCliIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result purser(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    /** The book's host-dependent sharing: two writers and a :ro reader on one host directory. */
    @Test
    void twoWritersAndAReadOnlyReaderShareOneHostDirectory() throws IOException {
        Path logs = Files.createDirectories(daemon.root().resolve("shared-logs"));
        purser("run", "--rm", "-v", logs + ":/data", "busybox", "sh", "-c", "echo a > /data/a.log");
        purser("run", "--rm", "--mount", "type=bind,src=" + logs + ",dst=/data", "busybox", "sh", "-c", "echo b > /data/b.log");
        Result reader = daemon.purser("run", "--rm", "-v", logs + ":/reader/data:ro", "busybox", "sh", "-c",
                "cat /reader/data/a.log /reader/data/b.log; touch /reader/data/c.log");
        assertThat(reader.out().lines().toList()).containsExactly("a", "b");
        assertThat(reader.err()).contains("Read-only file system");
        assertThat(logs.resolve("c.log")).doesNotExist();
    }

    /** The book's read-only container, with binds and a tmpfs where it has anonymous volumes. */
    @Test
    void readOnlyContainerKeepsItsBindsAndTmpfsWritable() throws IOException {
        Path apache = Files.createDirectories(daemon.root().resolve("apache2"));
        Result r = daemon.purser("run", "--rm", "--read-only", "--tmpfs", "/run:rw,size=64m,mode=1777",
                "-v", apache + ":/run/apache2", "busybox", "sh", "-c",
                "touch /x; echo root=$?; touch /run/apache2/pid /run/lock && echo ok");
        assertThat(r.out().lines().toList()).as(r.err()).containsExactly("root=1", "ok");
        assertThat(r.err()).contains("Read-only file system");
        assertThat(apache.resolve("pid")).isRegularFile();
    }

    @Test
    void aMissingMountSourceIsTheDaemonsErrorAndCreatesNothing() {
        Path missing = daemon.root().resolve("never");
        Result r = daemon.purser("run", "--rm", "--mount", "type=bind,src=" + missing + ",dst=/data", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: Error response from daemon: invalid mount config for type \"bind\": "
                + "bind source path does not exist: " + missing + "\n");
        assertThat(missing).doesNotExist();
        assertThat(daemon.purser("ps", "-aq").out()).isEmpty();
    }

    @Test
    void aBadMountFlagIsDockersFlagError() {
        Result r = daemon.purser("run", "--rm", "--mount", "type=bind,src", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid argument \"type=bind,src\" for \"--mount\" flag: "
                + "invalid field 'src' must be a key=value pair");
    }

    @Test
    void aBadVolumeSpecIsDockersError() {
        Result r = daemon.purser("run", "--rm", "-v", "/a::/b", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid spec: /a::/b: empty section between colons");
    }

    @Test
    void theRoTypoIsTheDaemonsInvalidMode() {
        Result r = daemon.purser("run", "--rm", "-v", daemon.root() + ":/data:or", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: Error response from daemon: invalid mode: or\n");
    }
}
