package dev.purser.engine.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.store.StateRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {
    @TempDir
    Path dir;

    private StateRoot root() {
        return new StateRoot(dir);
    }

    @Test
    void aCreatedVolumeHasItsDataDirectoryAndRecord() throws Exception {
        Volume v = new VolumeStore(root()).create("data1", Map.of("a", "b")).volume();
        Path data = dir.resolve("volumes/data1/_data");
        assertThat(v.mountpoint()).isEqualTo(data.toString());
        assertThat(Files.isDirectory(data)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwxr-xr-x");
        assertThat(Files.isRegularFile(dir.resolve("volumes/data1/volume.json"))).isTrue();
        assertThat(v.driver()).isEqualTo("local");
        assertThat(v.scope()).isEqualTo("local");
        assertThat(v.labels()).containsEntry("a", "b");
        assertThat(v.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void volumesAreThereAfterTheStoreIsOpenedAgain() {
        new VolumeStore(root()).create("keep", null);
        VolumeStore again = new VolumeStore(root());
        assertThat(again.get("keep")).isPresent();
        assertThat(again.get("keep").get().labels()).isNull();
    }

    @Test
    void creatingAnExistingNameReturnsItUnchanged() {
        VolumeStore store = new VolumeStore(root());
        Volume first = store.create("same", Map.of("x", "1")).volume();
        VolumeStore.Created second = store.create("same", Map.of("y", "2"));
        assertThat(second.isNew()).isFalse();
        assertThat(second.volume()).isEqualTo(first);
    }

    @Test
    void anInvalidNameIsRefusedAndLeavesNothing() throws Exception {
        VolumeStore store = new VolumeStore(root());
        assertThatThrownBy(() -> store.create("a/b", null))
                .hasMessage("create a/b: \"a/b\" includes invalid characters for a local volume name, only"
                        + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path");
        assertThatThrownBy(() -> store.create("x", null))
                .hasMessage("create x: volume name is too short, names should be at least two alphanumeric characters");
        assertThat(store.list()).isEmpty();
        assertThat(Files.exists(dir.resolve("volumes")) ? Files.list(dir.resolve("volumes")).count() : 0).isZero();
    }

    @Test
    void deleteRemovesTheDirectoryAndTheRecord() {
        VolumeStore store = new VolumeStore(root());
        store.create("gone", null);
        assertThat(store.delete("gone")).isTrue();
        assertThat(Files.exists(dir.resolve("volumes/gone"))).isFalse();
        assertThat(new VolumeStore(root()).get("gone")).isEmpty();
        assertThat(store.delete("gone")).isFalse();
    }

    @Test
    void deleteDoesNotFollowASymlinkInTheData() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "x");
        VolumeStore store = new VolumeStore(root());
        Volume v = store.create("linky", null).volume();
        Files.createSymbolicLink(v.data().resolve("out"), outside);
        store.delete("linky");
        assertThat(outside.resolve("precious")).exists();
    }

    @Test
    void halfCreatedAndHalfRemovedVolumesAreClearedAtLoad() throws Exception {
        Files.createDirectories(dir.resolve("volumes/.new-abc-123/_data"));
        Files.createDirectories(dir.resolve("volumes/.gone-def-456/_data"));
        VolumeStore store = new VolumeStore(root());
        assertThat(store.list()).isEmpty();
        assertThat(dir.resolve("volumes/.new-abc-123")).doesNotExist();
        assertThat(dir.resolve("volumes/.gone-def-456")).doesNotExist();
    }
}
