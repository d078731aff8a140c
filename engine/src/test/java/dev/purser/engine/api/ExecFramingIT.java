package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.DockerStreams;
import dev.purser.engine.testing.RawHttp;
import dev.purser.engine.testing.TestDaemon;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Docker frames an exec's output by the start request's {@code Tty}, whatever the exec was
 * created with: docker-py creates and starts with different values and reads what the start
 * asked for.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExecFramingIT {
    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        daemon.docker("run", "-d", "--name", "exec-framing", "busybox", "sleep", "1000");
    }

    @AfterAll
    static void stopDaemon() {
        daemon.docker("rm", "-f", "exec-framing");
        daemon.close();
    }

    private static RawHttp.Response createAndStart(boolean createTty, boolean startTty) throws Exception {
        RawHttp.Response created = RawHttp.json(daemon.socket(), "POST", "/v1.41/containers/exec-framing/exec",
                "{\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":" + createTty + ",\"Cmd\":[\"echo\",\"hi\"]}");
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        String id = new ObjectMapper().readTree(created.body()).path("Id").asText();
        return RawHttp.json(daemon.socket(), "POST", "/v1.41/exec/" + id + "/start", "{\"Detach\":false,\"Tty\":" + startTty + "}");
    }

    @Test
    void anExecWithATerminalStartedWithoutTtyIsMultiplexed() throws Exception {
        RawHttp.Response r = createAndStart(true, false);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.docker.multiplexed-stream");
        assertThat(DockerStreams.frames(r.body())).isEqualTo("1:hi\r\n");
    }

    @Test
    void anExecWithoutATerminalStartedWithTtyIsRaw() throws Exception {
        RawHttp.Response r = createAndStart(false, true);
        assertThat(r.header("Content-Type")).isEqualTo("application/vnd.docker.raw-stream");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hi\n");
    }

    @Test
    void matchingCreateAndStartKeepTheirFraming() throws Exception {
        assertThat(DockerStreams.frames(createAndStart(false, false).body())).isEqualTo("1:hi\n");
        assertThat(new String(createAndStart(true, true).body(), StandardCharsets.UTF_8)).isEqualTo("hi\r\n");
    }

    @Test
    void dockerExecWithAndWithoutTtyPrintsTheOutputOnce() {
        assertThat(daemon.docker("exec", "exec-framing", "echo", "hi").out()).isEqualTo("hi\n");
        assertThat(daemon.docker("exec", "-t", "exec-framing", "echo", "hi").out()).isEqualTo("hi\r\n");
    }
}
