package dev.purser.tui.dashboard.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.dashboard.containers.ContainerEntry;
import dev.purser.tui.view.ContainerRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeEntryTest {
    private static JsonNode json(String text) throws Exception {
        return dev.purser.tui.client.JsonTrees.read(text.replace('\'', '"'));
    }

    private static ContainerEntry container(String name, String mounts) throws Exception {
        return ContainerEntry.of(json("{'Id':'" + name + "-id','Names':['/" + name + "'],'State':'exited','Mounts':" + mounts + "}"), Instant.EPOCH);
    }

    @Test
    void aVolumesUsersAreTheContainersWhoseVolumeMountsNameIt() throws Exception {
        List<VolumeEntry> entries = VolumeEntry.of(List.of(json("{'Name':'data','Driver':'local','Mountpoint':'/r/volumes/data/_data'}")),
                List.of(container("web", "[{'Type':'volume','Name':'data'}]"), container("db", "[{'Type':'volume','Name':'data'}]"),
                        container("other", "[{'Type':'volume','Name':'logs'}]")));
        assertThat(entries).containsExactly(new VolumeEntry("data", "local", "/r/volumes/data/_data", List.of("db", "web")));
    }

    @Test
    void aBindWithTheSameSourceNameIsNoUse() throws Exception {
        List<VolumeEntry> entries = VolumeEntry.of(List.of(json("{'Name':'data','Driver':'local'}")),
                List.of(container("binder", "[{'Type':'bind','Name':'data','Source':'/data'}]")));
        assertThat(entries.get(0).inUse()).isFalse();
    }

    @Test
    void aContainerMountingAVolumeTwiceIsNamedOnce() throws Exception {
        List<VolumeEntry> entries = VolumeEntry.of(List.of(json("{'Name':'data','Driver':'local'}")),
                List.of(container("twice", "[{'Type':'volume','Name':'data'},{'Type':'volume','Name':'data'}]")));
        assertThat(entries.get(0).users()).containsExactly("twice");
    }

    @Test
    void entriesAreInVolumeLsOrder() throws Exception {
        List<VolumeEntry> entries = VolumeEntry.of(List.of(json("{'Name':'v10'}"), json("{'Name':'v2'}")), List.of());
        assertThat(entries).extracting(VolumeEntry::name).containsExactly("v2", "v10");
    }
}
