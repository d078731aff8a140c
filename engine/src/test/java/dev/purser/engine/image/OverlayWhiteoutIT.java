package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real overlayfs (root): the layer directories, stacked as lowerdirs, hide what layer 2 whited out. */
class OverlayWhiteoutIT {
    @TempDir
    Path dir;

    @Test
    void overlayOfLayerDirectoriesHidesWhitedOutFileAndOpaqueDirectoryContent() throws Exception {
        // integration tests run as root (CI is root): without it this must fail, not pass by skipping
        assertThat(FileSystemCalls.isRoot()).as("integration tests need root to mount overlayfs").isTrue();
        ImageStore store = new ImageStore(new StateRoot(dir.resolve("state")));
        byte[] l1 = Fixtures.layerOne();
        byte[] l2 = Fixtures.layerTwo();
        Image image = store.load(new ByteArrayInputStream(
                Fixtures.legacySave(Fixtures.config(List.of(l1, l2), "sh"), List.of(l1, l2), "two:layers"))).images().get(0);
        Path merged = Files.createDirectories(dir.resolve("merged"));
        String lower = store.layerDirectories(image).stream().map(Path::toString).collect(Collectors.joining(":"));
        int rc = new ProcessBuilder("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + lower, merged.toString())
                .inheritIO().start().waitFor();
        assertThat(rc).as("mounting overlayfs").isZero();
        try {
            assertThat(merged.resolve("etc/hosts")).hasContent("127.0.0.1 localhost");
            assertThat(merged.resolve("etc/doomed")).doesNotExist();
            assertThat(merged.resolve("data/new")).exists();
            assertThat(merged.resolve("data/old")).doesNotExist();
        } finally {
            new ProcessBuilder("umount", merged.toString()).inheritIO().start().waitFor();
        }
    }
}
