package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon auto-started from purser's jar runs from a copy of it under the state root, so a
 * rebuild that rewrites the jar in place (as {@code ./mvnw package} does) leaves the running
 * daemon whole; the client of the new build says the daemon runs another build.
 */
class DaemonBuildIT {
    Path root;
    Path jar;
    Path socket;

    @BeforeEach
    void copyTheJar() throws IOException {
        root = Files.createDirectories(Path.of("/tmp/purser-tui-it", "build-" + UUID.randomUUID().toString().substring(0, 8)));
        jar = Files.copy(Path.of("target/purser.jar"), root.resolve("purser.jar"));
        socket = root.resolve("run/purser.sock");
    }

    @AfterEach
    void stopTheDaemon() throws Exception {
        Optional<ProcessHandle> daemon = daemon();
        if (daemon.isPresent()) {
            daemon.get().destroy();
            daemon.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }

    record Result(int exitCode, String out, String err) {}

    private Result purser(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--root", root.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(root.resolve("out").toFile()).redirectError(root.resolve("err").toFile());
        pb.environment().put("PURSER_HOST", "unix://" + socket);
        pb.environment().remove("PURSER_AUTOSTART");
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("purser " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(root.resolve("out")), Files.readString(root.resolve("err")));
    }

    /** The daemon started for this test's own state root (its command line names the root). */
    private Optional<ProcessHandle> daemon() {
        String marker = "\0--root\0" + root + "\0";
        return ProcessHandle.allProcesses().filter(p -> commandLine(p).contains(marker) && commandLine(p).contains("\0dev.purser.engine.api.DaemonProcess\0"))
                .findFirst();
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Rewrites the jar in place (same file, truncated) with one more entry: another build. */
    private void rebuildInPlace() throws IOException {
        Path rebuilt = root.resolve("rebuilt.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("dev/purser/rebuilt.txt"));
            out.write("another build".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (OutputStream over = Files.newOutputStream(jar)) {
            Files.copy(rebuilt, over);
        }
    }

    private static String serverVersion(String versionOutput) {
        String server = versionOutput.substring(versionOutput.indexOf("Server:"));
        return server.lines().filter(l -> l.strip().startsWith("Version:")).findFirst().orElse("").strip();
    }

    @Test
    void autoStartedDaemonRunsFromAHashNamedCopyUnderTheStateRoot() throws Exception {
        assertThat(purser("version").exitCode()).isZero();
        String cmdline = commandLine(daemon().orElseThrow());
        try (Stream<Path> copies = Files.list(root.resolve("bin"))) {
            Path copy = copies.filter(p -> p.getFileName().toString().matches("purser-[0-9a-f]{16}\\.jar")).findFirst().orElseThrow();
            assertThat(cmdline).contains("\0-cp\0" + copy + "\0").doesNotContain(jar.toString());
            assertThat(Files.mismatch(copy, jar)).isEqualTo(-1L);
        }
    }

    @Test
    void daemonKeepsWorkingWhenItsJarIsRebuiltUnderIt() throws Exception {
        assertThat(purser("version").exitCode()).isZero();
        rebuildInPlace();
        Result version = purser("version");
        assertThat(version.exitCode()).isZero();
        assertThat(serverVersion(version.out())).matches("Version:\\s+\\S+");
        Result ps = purser("ps");
        assertThat(ps.exitCode()).as(ps.err()).isZero();
        assertThat(ps.out()).startsWith("CONTAINER ID");
    }

    @Test
    void daemonWhoseJarWasRebuiltStopsOnSigterm() throws Exception {
        assertThat(purser("version").exitCode()).isZero();
        rebuildInPlace();
        ProcessHandle daemon = daemon().orElseThrow();
        daemon.destroy();
        // a daemon whose classes were rewritten under it ignored SIGTERM for 20-30 s; a minute is far beyond
        daemon.onExit().get(60, TimeUnit.SECONDS);
        assertThat(daemon.isAlive()).isFalse();
        assertThat(Files.readString(root.resolve("daemon.log"))).contains("stopped").doesNotContain("NoClassDefFoundError");
    }

    @Test
    void clientOfAnotherBuildSaysSoOnceAndTheCommandSucceeds() throws Exception {
        assertThat(purser("version").exitCode()).isZero();
        long pid = daemon().orElseThrow().pid();
        rebuildInPlace();
        Result ps = purser("ps");
        assertThat(ps.exitCode()).isZero();
        assertThat(ps.err()).startsWith("purser: the purser daemon at unix://" + socket + " runs another build (")
                .contains("restart it to use this build: kill " + pid);
        assertThat(ps.err().lines().filter(l -> l.contains("another build")).count()).isEqualTo(1);
    }

    @Test
    void clientOfTheSameBuildSaysNothing() throws Exception {
        assertThat(purser("version").exitCode()).isZero();
        Result ps = purser("ps");
        assertThat(ps.exitCode()).isZero();
        assertThat(ps.err()).isEmpty();
    }
}
