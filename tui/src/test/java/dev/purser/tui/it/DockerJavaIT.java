package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docker-java's own typed client (what Testcontainers is built on) against purser's daemon. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DockerJavaIT {
    static InProcessDaemon daemon;
    static DockerClient docker;

    @BeforeAll
    static void start() {
        daemon = InProcessDaemon.start();
        assertThat(daemon.importBusybox().exitCode()).isZero();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(daemon.host()).build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(URI.create(daemon.host())).build();
        docker = DockerClientImpl.getInstance(config, http);
    }

    @AfterAll
    static void stop() throws Exception {
        docker.close();
        daemon.close();
    }

    @Test
    void createStartAttachWaitInspectRemove() throws Exception {
        CreateContainerResponse created = docker.createContainerCmd("busybox")
                .withCmd("sh", "-c", "sleep 1; echo out; echo err >&2; exit 4")
                .withName("docker-java").exec();
        assertThat(created.getId()).matches("[0-9a-f]{64}");

        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        ResultCallback.Adapter<Frame> attached = docker.attachContainerCmd(created.getId())
                .withStdOut(true).withStdErr(true).withFollowStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                        synchronized (stdout) {
                            (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(text);
                        }
                    }
                });
        attached.awaitStarted(10, TimeUnit.SECONDS);
        docker.startContainerCmd(created.getId()).exec();

        Integer code = docker.waitContainerCmd(created.getId()).start().awaitStatusCode(60, TimeUnit.SECONDS);
        assertThat(code).isEqualTo(4);
        assertThat(attached.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
        synchronized (stdout) {
            assertThat(stdout.toString()).isEqualTo("out\n");
            assertThat(stderr.toString()).isEqualTo("err\n");
        }

        InspectContainerResponse inspect = docker.inspectContainerCmd(created.getId()).exec();
        assertThat(inspect.getName()).isEqualTo("/docker-java");
        // daemon bug: State.Running is missing from inspect (see the report)
        assertThat(inspect.getState().getStatus()).isEqualTo("exited");
        assertThat(inspect.getState().getExitCode()).isEqualTo(4);

        docker.removeContainerCmd(created.getId()).exec();
        Assertions.assertThatThrownBy(() -> docker.inspectContainerCmd(created.getId()).exec()).isInstanceOf(NotFoundException.class);
    }
}
