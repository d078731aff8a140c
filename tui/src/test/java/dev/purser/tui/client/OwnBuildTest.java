package dev.purser.tui.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.api.BuildId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnBuildTest {
    @TempDir
    Path cache;

    @Test
    void classesNotLoadedFromAJarHaveNoBuild() {
        assertThat(OwnBuild.of(OwnBuildTest.class, Map.of("XDG_CACHE_HOME", cache.toString()))).isEmpty();
    }

    @Test
    void theBuildOfAJarIsTheSameTakenOrRememberedAndIsRememberedUnderTheCache() {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        var first = OwnBuild.of(org.assertj.core.api.Assertions.class, env);
        var second = OwnBuild.of(org.assertj.core.api.Assertions.class, env);

        assertThat(first).isPresent().isEqualTo(BuildId.of(org.assertj.core.api.Assertions.class)).isEqualTo(second);
        assertThat(cache.resolve("purser/build-id")).isDirectoryContaining(p -> Files.isRegularFile(p));
    }

    @Test
    void aRememberedBuildOfAnotherSizeOrTimeIsTakenAgain() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        OwnBuild.of(org.assertj.core.api.Assertions.class, env);
        Path entry;
        try (var entries = Files.list(cache.resolve("purser/build-id"))) {
            entry = entries.findFirst().orElseThrow();
        }
        Files.writeString(entry, "1 2 deadbeef00000000\n");

        assertThat(OwnBuild.of(org.assertj.core.api.Assertions.class, env)).isEqualTo(BuildId.of(org.assertj.core.api.Assertions.class));
    }

    @Test
    void aRememberedBuildOfTheSameSizeAndTimeIsNotTakenAgain() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        OwnBuild.of(org.assertj.core.api.Assertions.class, env);
        Path entry;
        try (var entries = Files.list(cache.resolve("purser/build-id"))) {
            entry = entries.findFirst().orElseThrow();
        }
        String[] remembered = Files.readString(entry).strip().split(" ");
        Files.writeString(entry, remembered[0] + " " + remembered[1] + " 0123456789abcdef\n");

        assertThat(OwnBuild.of(org.assertj.core.api.Assertions.class, env)).contains(new BuildId("0123456789abcdef"));
    }
}
