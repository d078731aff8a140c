package dev.purser.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    @Test
    void bareNameGetsLatestTag() {
        assertThat(ImageReference.parse("busybox").familiar()).isEqualTo("busybox:latest");
    }

    @Test
    void dockerHubLibraryNameNormalizesToFamiliarForm() {
        assertThat(ImageReference.parse("docker.io/library/busybox:1.36").familiar()).isEqualTo("busybox:1.36");
        assertThat(ImageReference.parse("library/busybox").familiar()).isEqualTo("busybox:latest");
        assertThat(ImageReference.parse("index.docker.io/library/busybox").familiar()).isEqualTo("busybox:latest");
    }

    @Test
    void qualifiedFormAddsDomainAndLibrary() {
        assertThat(ImageReference.parse("busybox").qualified()).isEqualTo("docker.io/library/busybox:latest");
    }

    @Test
    void userRepositoryKeepsItsNamespace() {
        assertThat(ImageReference.parse("user/app:v1").familiar()).isEqualTo("user/app:v1");
    }

    @Test
    void registryWithPortIsADomainNotATag() {
        ImageReference ref = ImageReference.parse("localhost:5000/app");
        assertThat(ref.domain()).isEqualTo("localhost:5000");
        assertThat(ref.familiar()).isEqualTo("localhost:5000/app:latest");
    }

    @Test
    void uppercaseRepositoryIsRefusedWithDockersMessage() {
        assertThatThrownBy(() -> ImageReference.parse("Busybox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid reference format: repository name (library/Busybox) must be lowercase");
    }

    @Test
    void invalidTagIsRefused() {
        assertThatThrownBy(() -> ImageReference.parse("busybox:-bad")).hasMessage("invalid reference format");
        assertThatThrownBy(() -> ImageReference.parse("busybox:" + "a".repeat(129))).hasMessage("invalid reference format");
    }

    @Test
    void sixtyFourHexNameIsRefused() {
        assertThatThrownBy(() -> ImageReference.parse("a".repeat(64))).hasMessageContaining("cannot specify 64-byte hexadecimal strings");
    }

    @Test
    void badPathComponentIsRefused() {
        assertThatThrownBy(() -> ImageReference.parse("foo//bar")).hasMessage("invalid reference format");
        assertThatThrownBy(() -> ImageReference.parse("foo_-bar")).hasMessage("invalid reference format");
    }
}
