package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Containers and execs with a terminal: the PTY, its size, and input through it. */
class ContainerTtyIT {
    static TestEngine engine;
    static Containers containers;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
        containers = engine.engine().containers();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static ContainerConfig tty(boolean openStdin, String... cmd) {
        return new ContainerConfig(null, null, null, openStdin, true, true, true, openStdin, false, List.of(),
                List.of(cmd), TestEngine.IMAGE, null, null, null, null, null, null);
    }

    private static String waitForOutput(StringBuffer out, String expected) throws InterruptedException {
        for (int i = 0; i < 250 && !out.toString().contains(expected); i++) {
            Thread.sleep(20);
        }
        return out.toString();
    }

    @Test
    void ttyContainerRunsOnAPseudoTerminal() {
        Container c = engine.create(tty(false, "tty"), null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("/dev/pts/0\r\n");
    }

    @Test
    void ttyIsTheControllingTerminal() {
        // /dev/tty can only be opened by a process that has a controlling terminal
        Container c = engine.create(tty(false, "sh", "-c", "echo x > /dev/tty && echo ok"), null);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("x\r\nok\r\n");
    }

    @Test
    void resizeReachesTheProcess() throws Exception {
        Container c = engine.create(tty(false, "sh", "-c", "sleep 0.5; stty size"), null);
        containers.start(c.id());
        containers.streams().resize(c.id(), 40, 100);
        engine.awaitExit(c);
        assertThat(engine.logs(c)).isEqualTo("40 100\r\n");
    }

    @Test
    void inputThroughTheTerminalReachesTheProcess() throws Exception {
        Container c = engine.create(tty(true, "cat"), null);
        StringBuffer out = new StringBuffer();
        containers.streams().attach(c.id(), (stream, data, length) -> out.append(new String(data, 0, length, StandardCharsets.UTF_8)));
        containers.start(c.id());
        assertThat(containers.streams().writeStdin(c.id(), "hello\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        // the terminal echoes the line, and cat writes it back
        assertThat(waitForOutput(out, "hello\r\nhello\r\n")).contains("hello\r\nhello\r\n");
        containers.remove(c.id(), true);
    }

    @Test
    void pipedStdinIsStreamedWithoutATerminal() throws Exception {
        ContainerConfig cfg = new ContainerConfig(null, null, null, true, true, true, false, true, true, List.of(),
                List.of("cat"), TestEngine.IMAGE, null, null, null, null, null, null);
        Container c = engine.create(cfg, null);
        containers.start(c.id());
        containers.streams().writeStdin(c.id(), "hi\n".getBytes(StandardCharsets.UTF_8));
        containers.streams().closeStdin(c.id());
        assertThat(engine.awaitExit(c)).isZero();
        assertThat(engine.logs(c)).isEqualTo("hi\n");
    }

    /** Runs {@code cmd} with a terminal (of {@code size}, or the kernel's default) in a new container; its output. */
    private static String execOnATerminal(dev.purser.pty.WindowSize size, String... cmd) {
        Container c = engine.start("sleep", "1000");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecRequest request = new ExecRequest(List.of(cmd), null, null, null, false, true, false, size);
        int code = containers.execLauncher().run(c.id(), request, (stream, data, length) -> {
            synchronized (out) {
                out.write(data, 0, length);
            }
        });
        containers.remove(c.id(), true);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void execWithATerminalGetsItsOwnPty() {
        assertThat(execOnATerminal(null, "tty")).matches("/dev/pts/\\d+\r\n");
    }

    @Test
    void consoleSizeIsTheTerminalsSizeFromTheFirstInstant() {
        HostConfig host = new HostConfig(null, null, null, false, false, null, 0, 0, 0, 0, null, null, false, null,
                List.of(33, 99));
        Container c = engine.create(tty(false, "stty", "size"), host);
        engine.runToExit(c);
        assertThat(engine.logs(c)).isEqualTo("33 99\r\n");
    }

    @Test
    void execConsoleSizeIsItsTerminalsSizeFromTheFirstInstant() {
        assertThat(execOnATerminal(new dev.purser.pty.WindowSize(21, 77), "stty", "size")).isEqualTo("21 77\r\n");
    }
}
