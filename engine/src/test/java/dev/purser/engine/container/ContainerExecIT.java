package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** exec and top on a running container. */
class ContainerExecIT {
    static TestEngine engine;
    static Containers containers;
    static Container web;

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
        containers = engine.engine().containers();
        web = engine.start("sleep", "1000");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private static String exec(ExecRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = containers.execLauncher().run(web.id(), request, (stream, data, length) -> {
            synchronized (out) {
                out.write(data, 0, length);
            }
        });
        return code + ":" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void execRunsInTheContainersNamespaces() {
        assertThat(exec(ExecRequest.of("hostname"))).isEqualTo("0:" + web.id().substring(0, 12) + "\n");
    }

    @Test
    void execSeesTheContainersInitAsPidOne() {
        assertThat(exec(ExecRequest.of("sh", "-c", "cat /proc/1/cmdline | tr '\\0' ' '"))).isEqualTo("0:sleep 1000 ");
    }

    @Test
    void execReturnsTheCommandsExitCode() {
        assertThat(exec(ExecRequest.of("sh", "-c", "exit 7"))).isEqualTo("7:");
    }

    @Test
    void execOfAMissingCommandFailsWith127() {
        try {
            exec(ExecRequest.of("nope"));
        } catch (ContainerStartException e) {
            assertThat(e.exitCode()).isEqualTo(127);
            return;
        }
        throw new AssertionError("exec of a missing command did not fail");
    }

    @Test
    void execJoinsTheContainersCgroup() {
        String out = exec(ExecRequest.of("cat", "/proc/self/cgroup"));
        assertThat(out).contains(web.id());
    }

    @Test
    void topWithPsOptionsShowsTheirColumnsForTheContainersProcessesOnly() {
        Top table = containers.processes().top(web.id(), "-o pid,comm");
        assertThat(table.titles()).containsExactly("PID", "COMMAND");
        assertThat(table.processes()).hasSize(1);
        assertThat(table.processes().get(0).get(1)).isEqualTo("sleep");
    }

    @Test
    void topListsTheContainersProcesses() {
        Top table = containers.processes().top(web.id());
        assertThat(table.titles()).containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        assertThat(table.processes()).anySatisfy(row -> assertThat(row.get(7)).isEqualTo("sleep 1000"));
    }
}
