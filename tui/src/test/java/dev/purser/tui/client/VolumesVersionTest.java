package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumesVersionTest {
    @Test
    void aDaemonFrom142OnPrunesAnonymousVolumesOnly() {
        assertThat(Volumes.prunesAnonymousOnly("1.42")).isTrue();
        assertThat(Volumes.prunesAnonymousOnly("1.47")).isTrue();
    }

    @Test
    void anOlderDaemonPrunesEveryUnusedVolume() {
        assertThat(Volumes.prunesAnonymousOnly("1.41")).isFalse();
        assertThat(Volumes.prunesAnonymousOnly("1.9")).isFalse();
    }

    @Test
    void versionsCompareByNumberNotByText() {
        assertThat(Volumes.compareVersions("1.100", "1.42")).isPositive();
        assertThat(Volumes.compareVersions("2.0", "1.99")).isPositive();
        assertThat(Volumes.compareVersions("1.42", "1.42")).isZero();
    }
}
