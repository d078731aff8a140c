package dev.purser.tui.dashboard.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {
    @Test
    void everyBundledThemeGivesEveryRoleItsOwnColours() {
        for (String name : Theme.BUNDLED) {
            Theme theme = Theme.load(name);
            for (Role role : Role.values()) {
                assertThat(theme.style(role).foreground()).as(name + " " + role).isNotNull();
                assertThat(theme.style(role).background()).as(name + " " + role).isNotNull();
            }
            assertThat(theme.style(Role.RUNNING).foreground()).as(name).isNotEqualTo(theme.style(Role.EXITED_ERROR).foreground());
            assertThat(theme.style(Role.SELECTED).background()).as(name).isNotEqualTo(theme.style(Role.NORMAL).background());
        }
    }

    @Test
    void anUnknownThemeIsRefusedByName() {
        assertThatThrownBy(() -> Theme.load("neon")).hasMessageContaining("unknown theme 'neon'").hasMessageContaining("dark, light, high-contrast");
    }

    @Test
    void aThemeFileIsReadFromItsPath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("mine.properties"), "foreground = white\nbackground = black\nforeground[RUNNING] = #00ff00\n");
        assertThat(Theme.load(file.toString()).style(Role.RUNNING).foreground()).isEqualTo(new com.googlecode.lanterna.TextColor.RGB(0, 255, 0));
    }

    @Test
    void aBrokenThemeFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "foreground = notacolour\n");
        assertThatThrownBy(() -> Theme.load(file.toString())).hasMessageContaining("is broken");
    }
}
