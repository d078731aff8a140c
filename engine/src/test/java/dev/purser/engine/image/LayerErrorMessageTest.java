package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer that cannot be unpacked is refused naming paths inside the layer, never the state root's. */
class LayerErrorMessageTest {
    @TempDir
    Path dir;

    @Test
    void aNameTheFileSystemRefusesIsReportedWithTheLayersOwnPath() throws Exception {
        ImageStore store = new ImageStore(new StateRoot(dir.resolve("state")));
        // longer than NAME_MAX: the file system refuses it, with the full path in Java's message
        byte[] tar = Fixtures.tar().dir("etc").file("etc/" + "n".repeat(300), "y").bytes();
        assertThatThrownBy(() -> store.importRootfs(new ByteArrayInputStream(tar), "broken", List.of(), null))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageStartingWith("invalid layer tar: ")
                .hasMessageContaining("/etc/nnn")
                .hasMessageNotContaining(dir.toString());
    }
}
