package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code purser run} without a terminal, as a process of its own: a signal it receives goes to
 * the container (docker's --sig-proxy), unless --sig-proxy=false.
 */
class SignalProxyIT {
    private static final String TRAPPING = "trap 'echo got-int; exit 3' INT; echo ready; while :; do sleep 1; done";
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

    /** purser in a JVM of its own, on this test's classpath, talking to the test daemon. */
    private static Process purser(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.purser.tui.Purser", "-H", daemon.host()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the process's output until {@code line}; the output so far. */
    private static String readUntil(BufferedReader out, String line) throws IOException {
        StringBuilder seen = new StringBuilder();
        String l;
        while ((l = out.readLine()) != null) {
            seen.append(l).append('\n');
            if (l.equals(line)) {
                return seen.toString();
            }
        }
        throw new AssertionError("no " + line + " in: " + seen);
    }

    private static void signal(Process p, String signal) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    @Test
    void anInterruptGoesToTheContainer() throws Exception {
        Process p = purser("run", "--rm", "busybox", "sh", "-c", TRAPPING);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        readUntil(out, "ready");
        signal(p, "INT");
        readUntil(out, "got-int");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(3);
    }

    @Test
    void withSigProxyFalseAnInterruptEndsPurserAndTheContainerRuns() throws Exception {
        Process p = purser("run", "--sig-proxy=false", "--name", "unproxied", "busybox", "sh", "-c", TRAPPING);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        readUntil(out, "ready");
        signal(p, "INT");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        Result state = daemon.purser("inspect", "--format", "{{.State.Status}}", "unproxied");
        assertThat(state.outLine()).isEqualTo("running");
        daemon.purser("rm", "-f", "unproxied");
    }
}
