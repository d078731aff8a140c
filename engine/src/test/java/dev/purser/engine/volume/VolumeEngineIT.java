package dev.purser.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.container.Container;
import dev.purser.engine.container.DockerJson;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.testing.TestEngine;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A library user of {@link dev.purser.engine.Engine} gets the daemon's volume behaviour, with no API in between. */
class VolumeEngineIT {
    private final TestEngine engine = TestEngine.start();

    @AfterEach
    void close() {
        engine.close();
    }

    private static HostConfig binds(String... binds) throws Exception {
        return DockerJson.mapper().readValue("{\"Binds\":" + DockerJson.mapper().writeValueAsString(binds) + "}",
                HostConfig.class);
    }

    @Test
    void aContainersNamedAndAnonymousVolumesAreCreatedUsedAndRemovedAsDockersAre() throws Exception {
        Container c = engine.create(TestEngine.config("sh", "-c", "echo lib > /named/f; echo tmp > /anon/f"),
                binds("libvol:/named", "/anon"));
        assertThat(engine.runToExit(c)).isZero();
        Volumes volumes = engine.engine().volumes();
        Volume named = volumes.get("libvol");
        assertThat(Files.readString(named.data().resolve("f"))).isEqualTo("lib\n");
        String anon = c.ownMounts().stream().filter(m -> m.destination().equals("/anon")).findFirst().orElseThrow().name();
        assertThat(volumes.get(anon).anonymous()).isTrue();
        assertThatThrownBy(() -> volumes.remove("libvol", false)).isInstanceOf(VolumeInUseException.class);
        engine.engine().containers().remove(c.id(), false, true);
        assertThat(volumes.find(anon)).isEmpty();
        assertThat(volumes.find("libvol")).isPresent();
        volumes.remove("libvol", false);
        assertThat(volumes.find("libvol")).isEmpty();
    }
}
