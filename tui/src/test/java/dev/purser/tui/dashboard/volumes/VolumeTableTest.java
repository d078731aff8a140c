package dev.purser.tui.dashboard.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeTableTest {
    private static VolumeEntry v(String name) {
        return new VolumeEntry(name, "local", "/v/" + name, List.of());
    }

    @Test
    void theFirstRowIsSelectedAtFirst() {
        VolumeTable t = new VolumeTable();
        t.replaceAll(List.of(v("a"), v("b")));
        assertThat(t.selected()).contains(v("a"));
    }

    @Test
    void theSelectionFollowsItsVolumeAcrossAReload() {
        VolumeTable t = new VolumeTable();
        t.replaceAll(List.of(v("b"), v("c")));
        t.move(1);
        t.replaceAll(List.of(v("a"), v("b"), v("c")));
        assertThat(t.selected()).contains(v("c"));
    }

    @Test
    void removingTheSelectedVolumeSelectsTheOneThatTookItsPlace() {
        VolumeTable t = new VolumeTable();
        t.replaceAll(List.of(v("a"), v("b"), v("c")));
        t.move(1);
        t.replaceAll(List.of(v("a"), v("c")));
        assertThat(t.selected()).contains(v("c"));
    }

    @Test
    void removingTheLastRowSelectsTheNewLast() {
        VolumeTable t = new VolumeTable();
        t.replaceAll(List.of(v("a"), v("b")));
        t.move(5);
        t.replaceAll(List.of(v("a")));
        assertThat(t.selected()).contains(v("a"));
    }

    @Test
    void moveStopsAtTheEnds() {
        VolumeTable t = new VolumeTable();
        t.replaceAll(List.of(v("a"), v("b")));
        t.move(-3);
        assertThat(t.selectedIndex()).isZero();
        t.move(9);
        assertThat(t.selectedIndex()).isEqualTo(1);
    }

    @Test
    void anEmptyTableSelectsNothing() {
        VolumeTable t = new VolumeTable();
        t.replaceAll(List.of());
        t.move(1);
        assertThat(t.selected()).isEmpty();
        assertThat(t.loaded()).isTrue();
    }
}
