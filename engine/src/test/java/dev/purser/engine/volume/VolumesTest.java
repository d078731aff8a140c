package dev.purser.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.event.Event;
import dev.purser.engine.event.EventBus;
import dev.purser.engine.store.StateRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumesTest {
    @TempDir
    Path dir;

    private final Map<String, List<String>> users = new HashMap<>();
    private final EventBus events = new EventBus();

    private Volumes volumes() {
        return new Volumes(new VolumeStore(new StateRoot(dir)), name -> users.getOrDefault(name, List.of()), events);
    }

    @Test
    void anAnonymousVolumeHas64HexAndDockersLabel() {
        Volume v = volumes().create(null, null, null, null);
        assertThat(v.name()).matches("[0-9a-f]{64}");
        assertThat(v.labels()).containsEntry(Volume.ANONYMOUS_LABEL, "");
        assertThat(v.anonymous()).isTrue();
    }

    @Test
    void anotherDriverIsRefusedNamingIt() {
        assertThatThrownBy(() -> volumes().create("v1", "nfs", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"nfs\"");
        assertThat(volumes().list(VolumeFilter.forList(Map.of()))).isEmpty();
    }

    @Test
    void driverOptionsAreRefusedNamingThem() {
        assertThatThrownBy(() -> volumes().create("v1", "local", Map.of("type", "tmpfs", "device", "tmpfs"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device, type");
        assertThat(volumes().list(VolumeFilter.forList(Map.of()))).isEmpty();
    }

    @Test
    void aVolumeInUseIsNotRemovedEvenWithForce() {
        Volumes volumes = volumes();
        volumes.create("busy", null, null, null);
        users.put("busy", List.of("c1", "c2"));
        assertThatThrownBy(() -> volumes.remove("busy", true))
                .isInstanceOf(VolumeInUseException.class).hasMessage("remove busy: volume is in use - [c1, c2]");
        assertThat(volumes.find("busy")).isPresent();
    }

    @Test
    void removingAMissingVolumeIsNotFoundUnlessForced() {
        assertThatThrownBy(() -> volumes().remove("nope", false))
                .isInstanceOf(NoSuchVolumeException.class).hasMessage("get nope: no such volume");
        volumes().remove("nope", true);
    }

    @Test
    void pruneTakesUnusedAnonymousVolumesOnly() throws Exception {
        Volumes volumes = volumes();
        Volume anon = volumes.create(null, null, null, null);
        Volume used = volumes.create(null, null, null, null);
        volumes.create("named", null, null, null);
        users.put(used.name(), List.of("c1"));
        Files.writeString(anon.data().resolve("f"), "12345");
        PruneReport r = volumes.prune(VolumeFilter.forPrune(Map.of(), false));
        assertThat(r.volumesDeleted()).containsExactly(anon.name());
        assertThat(r.spaceReclaimed()).isEqualTo(5);
        assertThat(volumes.find("named")).isPresent();
        assertThat(volumes.find(used.name())).isPresent();
    }

    @Test
    void pruneWithAllTakesNamedVolumesToo() {
        Volumes volumes = volumes();
        volumes.create("named", null, null, Map.of("keep", "no"));
        volumes.create("kept", null, null, Map.of("keep", "yes"));
        PruneReport r = volumes.prune(VolumeFilter.forPrune(Map.of("all", List.of("true"), "label!", List.of("keep=yes")), false));
        assertThat(r.volumesDeleted()).containsExactly("named");
    }

    @Test
    void listFiltersByDanglingNameAndLabel() {
        Volumes volumes = volumes();
        volumes.create("web-data", null, null, Map.of("app", "web"));
        volumes.create("db-data", null, null, Map.of("app", "db"));
        users.put("db-data", List.of("c1"));
        assertThat(names(volumes.list(VolumeFilter.forList(Map.of("dangling", List.of("true")))))).containsExactly("web-data");
        assertThat(names(volumes.list(VolumeFilter.forList(Map.of("dangling", List.of("0")))))).containsExactly("db-data");
        assertThat(names(volumes.list(VolumeFilter.forList(Map.of("name", List.of("web")))))).containsExactly("web-data");
        assertThat(names(volumes.list(VolumeFilter.forList(Map.of("label", List.of("app=db")))))).containsExactly("db-data");
        assertThat(names(volumes.list(VolumeFilter.forList(Map.of("driver", List.of("local")))))).hasSize(2);
    }

    @Test
    void badFiltersGetDockersMessages() {
        assertThatThrownBy(() -> VolumeFilter.forList(Map.of("colour", List.of("x")))).hasMessage("invalid filter 'colour'");
        assertThatThrownBy(() -> VolumeFilter.forList(Map.of("dangling", List.of("maybe"))))
                .hasMessage("invalid filter 'dangling=maybe'");
        assertThatThrownBy(() -> VolumeFilter.forPrune(Map.of("dangling", List.of("true")), false))
                .hasMessage("invalid filter 'dangling'");
    }

    @Test
    void createAndRemoveAreVolumeEvents() {
        List<Event> seen = new ArrayList<>();
        events.subscribe(-1, seen::add);
        Volumes volumes = volumes();
        volumes.create("ev", null, null, null);
        volumes.create("ev", null, null, null);
        volumes.remove("ev", false);
        assertThat(seen).extracting(Event::action).containsExactly("create", "destroy");
        assertThat(seen).extracting(Event::type).containsOnly("volume");
    }

    private static List<String> names(List<Volume> vs) {
        return vs.stream().map(Volume::name).toList();
    }
}
