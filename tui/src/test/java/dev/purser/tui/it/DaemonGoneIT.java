package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.BusyboxImage;
import dev.purser.engine.testing.TmuxSession;
import dev.purser.tui.Purser;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A `-it` session whose daemon dies: purser ends and leaves the terminal as it found it. */
@Timeout(120)
class DaemonGoneIT {
    Path root;
    Path socket;
    Process daemon;
    TmuxSession terminal;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "gone-" + UUID.randomUUID().toString().substring(0, 8)));
        socket = root.resolve("purser.sock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        daemon = new ProcessBuilder(java, "-cp", classpath, "dev.purser.engine.api.Daemon", "--root",
                root.resolve("state").toString(), "-H", "unix://" + socket, "--cgroup-parent", "purser-it")
                .redirectErrorStream(true).redirectOutput(root.resolve("daemon.log").toFile()).start();
        Path tar = root.resolve("busybox.tar");
        Files.write(tar, BusyboxImage.rootfsTar());
        int imported = 1;
        for (int i = 0; i < 300 && imported != 0; i++) {
            Thread.sleep(100);
            imported = Files.exists(socket) ? purser("import", tar.toString(), "busybox:latest") : 1;
        }
        assertThat(imported).as("import into the daemon").isZero();

        Path launcher = root.resolve("bin/purser");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + classpath
                + "' dev.purser.tui.Purser -H 'unix://" + socket + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        terminal = TmuxSession.start(120, 40, Map.of());
        terminal.type("export PATH='" + launcher.getParent() + "':$PATH PURSER_AUTOSTART=0; PS1='outer''$ '");
        terminal.waitForPrompt("outer$");
    }

    private int purser(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("-H", "unix://" + socket));
        all.addAll(List.of(args));
        return Purser.run(all.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(new ByteArrayOutputStream(), true), InputStream.nullInputStream(),
                Map.of("PURSER_AUTOSTART", "0"), false);
    }

    @AfterEach
    void stop() throws Exception {
        terminal.close();
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void daemonDyingMidSessionEndsPurserAndRestoresTheTerminal() throws Exception {
        terminal.type("purser run -it --name gone busybox sh");
        terminal.waitForPrompt("/ #");
        daemon.destroyForcibly();
        daemon.waitFor(30, TimeUnit.SECONDS);
        terminal.waitForPromptAtEnd("outer$");
        terminal.type("clear; stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | sort | tr '\\n' ' '; echo");
        String screen = terminal.waitFor("echo icanon");
        assertThat(screen).doesNotContain("-icanon").doesNotContain("-echo ");
    }
}
