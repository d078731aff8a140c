package dev.purser.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What privileged and ALL may give: the capabilities the daemon's own bounding set holds. */
class CapabilitiesGrantableTest {
    @Test
    void aCapabilityMissingFromTheBoundingSetIsNotGranted(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        // every one of the 41 but CAP_SYS_RESOURCE (24), as in a confined container
        Files.writeString(status, "Name:\tjava\nCapBnd:\t000001fffeffffff\nCapAmb:\t0000000000000000\n");
        assertThat(Capabilities.grantable(status)).hasSize(40).doesNotContain("CAP_SYS_RESOURCE").contains("CAP_SYS_ADMIN");
    }

    @Test
    void aFullBoundingSetGrantsEveryCapability(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, "CapBnd:\t000001ffffffffff\n");
        assertThat(Capabilities.grantable(status)).isEqualTo(Capabilities.ALL);
    }
}
