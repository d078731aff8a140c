package dev.purser.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.dashboard.keys.Action;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardSettingsTest {
    @TempDir Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void noFileGivesTheDefaultsWithoutWarnings() {
        DashboardSettings s = DashboardSettings.load(dir.resolve("config.json"));
        assertThat(s.theme()).isEqualTo("dark");
        assertThat(s.shell()).containsExactly("bash", "sh");
        assertThat(s.refreshRate()).isEqualTo(20);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void everySettingIsRead() throws IOException {
        DashboardSettings s = DashboardSettings.load(write(
                "{\"theme\":\"light\",\"keys\":{\"quit\":\"Q\"},\"refreshRate\":10,\"shell\":[\"ash\"],\"detachKeys\":\"ctrl-a,d\"}"));
        assertThat(s.theme()).isEqualTo("light");
        assertThat(s.keys().key(Action.QUIT)).isEqualTo("Q");
        assertThat(s.refreshRate()).isEqualTo(10);
        assertThat(s.shell()).containsExactly("ash");
        assertThat(s.detachKeys()).isEqualTo("ctrl-a,d");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void brokenJsonGivesTheDefaultsAndAWarning() throws IOException {
        DashboardSettings s = DashboardSettings.load(write("{\"theme\": "));
        assertThat(s.theme()).isEqualTo("dark");
        assertThat(s.warnings()).singleElement().asString().contains("is not valid JSON, using the defaults");
    }

    @Test
    void anUnknownSettingIsAWarning() throws IOException {
        assertThat(DashboardSettings.load(write("{\"colour\":\"red\"}")).warnings()).containsExactly("config.json: unknown setting 'colour' ignored");
    }

    @Test
    void badValuesAreWarningsAndKeepTheDefaults() throws IOException {
        DashboardSettings s = DashboardSettings.load(write("{\"refreshRate\":0,\"shell\":[],\"detachKeys\":\"ctrl-xyz\"}"));
        assertThat(s.refreshRate()).isEqualTo(20);
        assertThat(s.shell()).containsExactly("bash", "sh");
        assertThat(s.detachKeys()).isNull();
        assertThat(s.warnings()).hasSize(3);
    }

    @Test
    void theNewLocationIsUnderXdgConfigHomeAndTheOldFileIsStillRead() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".purser"));
        Files.writeString(home.resolve(".purser/config.json"), "{\"detachKeys\":\"ctrl-a,d\"}");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        assertThat(DashboardSettings.load(env).detachKeys()).isEqualTo("ctrl-a,d");
        Files.createDirectories(dir.resolve("xdg/purser"));
        Files.writeString(dir.resolve("xdg/purser/config.json"), "{\"detachKeys\":\"ctrl-b,e\"}");
        assertThat(DashboardSettings.load(env).detachKeys()).isEqualTo("ctrl-b,e");
        assertThat(List.of(DashboardSettings.load(env).warnings())).isNotNull();
    }
}
