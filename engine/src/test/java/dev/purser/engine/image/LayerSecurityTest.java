package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.purser.engine.store.StateRoot;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile layers are refused by name, write nothing outside, and leave the store unchanged. */
class LayerSecurityTest {
    @TempDir
    Path dir;
    Path state;
    Path outside;
    ImageStore store;
    List<String> before;

    @BeforeEach
    void setUp() throws Exception {
        state = dir.resolve("state");
        outside = dir.resolve("outside");
        Files.createDirectories(outside);
        store = new ImageStore(new StateRoot(state));
        store.importRootfs(new ByteArrayInputStream(Fixtures.tar().file("ok", "ok").bytes()), "base", List.of(), null);
        before = Fixtures.tree(state);
    }

    private void assertRefusedAndUnchanged(byte[] layer, String messagePart) throws Exception {
        assertThatThrownBy(() -> store.importRootfs(new ByteArrayInputStream(layer), "evil", List.of(), null))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining(messagePart);
        assertThat(Fixtures.tree(state)).isEqualTo(before);
        assertThat(Fixtures.tree(state.resolve("tmp"))).containsExactly("");
        assertThat(Fixtures.tree(outside)).containsExactly("");
        assertThat(store.find("evil")).isEmpty();
    }

    @Test
    void refusesEntryWithParentTraversal() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().file("../../outside/pwned", "x").bytes(), "\"../../outside/pwned\"");
    }

    @Test
    void refusesEntryClimbingOutThroughInnerDotDot() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().file("a/../../pwned", "x").bytes(), "\"a/../../pwned\"");
    }

    @Test
    void absolutePathIsUnpackedInsideTheLayer() throws Exception {
        Image image = store.importRootfs(new ByteArrayInputStream(Fixtures.tar().file("/etc/abs", "in").bytes()), "abs", List.of(), null);
        assertThat(store.layerDirectories(image).get(0).resolve("etc/abs")).hasContent("in");
    }

    @Test
    void refusesWritingThroughSymlinkToOutside() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().symlink("link", outside.toString()).file("link/passwd", "x").bytes(),
                "\"link/passwd\" would be written through the symbolic link link");
    }

    @Test
    void refusesWritingThroughSymlinkInsideTheLayerToo() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().dir("real").symlink("link", "real").file("link/f", "x").bytes(),
                "\"link/f\" would be written through the symbolic link");
    }

    @Test
    void refusesRelativeSymlinkPointingOutside() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().symlink("up", "../../../outside").bytes(), "invalid symlink \"up\"");
    }

    @Test
    void refusesHardlinkToOutsideTarget() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().hardlink("hl", "../../etc/passwd").bytes(), "invalid hardlink \"hl\"");
    }

    @Test
    void refusesHardlinkToAbsoluteHostPathNotInLayer() throws Exception {
        assertRefusedAndUnchanged(Fixtures.tar().hardlink("hl", "/etc/passwd").bytes(), "invalid hardlink \"hl\"");
    }

    @Test
    void refusesTruncatedTar() throws Exception {
        byte[] full = Fixtures.tar().file("big", new byte[5000], 0644).bytes();
        assertRefusedAndUnchanged(Arrays.copyOf(full, 2000), "invalid layer tar");
    }

    @Test
    void refusesGarbage() throws Exception {
        byte[] garbage = new byte[1024];
        new java.util.Random(1).nextBytes(garbage);
        assertRefusedAndUnchanged(garbage, "invalid layer tar");
    }

    @Test
    void refusesTruncatedGzip() throws Exception {
        byte[] gz = Fixtures.gzip(Fixtures.tar().file("f", new byte[100000], 0644).bytes());
        assertRefusedAndUnchanged(Arrays.copyOf(gz, gz.length / 2), "invalid layer tar");
    }
}
