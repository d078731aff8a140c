package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.dashboard.DashboardSettings;
import dev.purser.tui.dashboard.theme.Role;
import dev.purser.tui.dashboard.theme.Theme;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard's Volumes view on Lanterna's virtual terminal against a real daemon: each
 * volume's name, driver, mount point and users; remove and prune, each asked first. A daemon per
 * test, since prune sees every volume.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardVolumesIT {
    InProcessDaemon daemon;
    DashboardHarness screen;

    @BeforeEach
    void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (screen != null) screen.close();
        daemon.close();
    }

    private Result ok(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private boolean exists(String name) {
        return ok("volume", "ls", "-q").out().lines().anyMatch(name::equals);
    }

    /** Opens the dashboard wide enough for whole mount points, on the Volumes view once it lists {@code shown}. */
    private String openVolumes(String shown) {
        screen = new DashboardHarness(daemon, 180, 30, DashboardSettings.defaults());
        screen.waitFor("containers,");
        screen.press('3');
        return screen.waitFor(shown);
    }

    /** Moves the selection down to the row showing {@code name}. */
    private void select(String name) {
        for (int i = 0; i < 20 && screen.selectedRow() != screen.rowOf(name); i++) screen.press(KeyType.ArrowDown);
        assertThat(screen.text().split("\n")[screen.selectedRow()]).contains(name);
    }

    private String line(String shown, String containing) {
        return shown.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
    }

    @Test
    void eachVolumeShowsItsDriverMountPointAndTheContainersUsingIt() {
        ok("volume", "create", "web-data");
        ok("volume", "create", "spare");
        ok("create", "--name", "web-one", "-v", "web-data:/data", "busybox", "true");
        ok("create", "--name", "web-two", "-v", "web-data:/srv", "busybox", "true");
        String shown = openVolumes("web-data");
        assertThat(shown).contains("VOLUME NAME").contains("DRIVER").contains("MOUNTPOINT").contains("USED BY");
        assertThat(line(shown, "web-data")).matches("\\s+web-data\\s+local\\s+" + daemon.root().resolve("volumes/web-data/_data") + "\\s+web-one, web-two");
        assertThat(line(shown, "spare")).matches("\\s+spare\\s+local\\s+\\S+/volumes/spare/_data\\s+-");
    }

    @Test
    void aVolumeNoContainerUsesIsDrawnDim() {
        ok("volume", "create", "aa-selected");
        ok("volume", "create", "unused-dim");
        openVolumes("unused-dim");
        Theme theme = Theme.load(DashboardSettings.defaults().theme());
        assertThat(screen.cellOf("unused-dim").getForegroundColor()).isEqualTo(theme.style(Role.DIM).foreground());
    }

    @Test
    void anEngineWithoutVolumesSaysHowToMakeOne() {
        String shown = openVolumes("No volumes.");
        assertThat(shown).contains("purser volume create NAME");
    }

    @Test
    void removeAsksFirstAndNoKeepsTheVolume() {
        ok("volume", "create", "keep-vol");
        openVolumes("keep-vol");
        select("keep-vol");
        screen.press('d');
        screen.waitFor("remove volume keep-vol? y/N");
        screen.press('n');
        screen.waitFor("not removed");
        assertThat(exists("keep-vol")).isTrue();
    }

    @Test
    void removeWithYesRemovesTheSelectedVolumeAndTheListForgetsIt() {
        ok("volume", "create", "a-stays");
        ok("volume", "create", "b-goes");
        openVolumes("b-goes");
        select("b-goes");
        screen.press('d');
        screen.waitFor("remove volume b-goes? y/N");
        screen.press('y');
        screen.waitFor("removed volume b-goes");
        screen.waitUntil("b-goes gone from the list", s -> s.contains("a-stays") && s.lines().noneMatch(l -> l.startsWith("  b-goes ")));
        assertThat(exists("b-goes")).isFalse();
        assertThat(exists("a-stays")).isTrue();
    }

    @Test
    void removingAVolumeInUseNamesItsUsersAndShowsTheDaemonsRefusal() {
        ok("volume", "create", "busy-vol");
        ok("create", "--name", "busy-user", "-v", "busy-vol:/data", "busybox", "true");
        openVolumes("busy-vol");
        select("busy-vol");
        screen.press('d');
        screen.waitFor("remove volume busy-vol (used by busy-user)? y/N");
        screen.press('y');
        screen.waitFor("volume is in use");
        assertThat(exists("busy-vol")).isTrue();
    }

    @Test
    void pruneAsksFirstThenRemovesTheAnonymousUnusedVolumesAndKeepsNamedOnes() {
        String anonymous = ok("volume", "create").outLine();
        ok("volume", "create", "named-kept");
        openVolumes(anonymous.substring(0, 12));
        screen.press('P');
        screen.waitFor("prune: remove the anonymous volumes no container uses? y/N");
        screen.press('y');
        screen.waitFor("pruned 1 volume, reclaimed 0B");
        screen.waitUntil("the anonymous volume gone", s -> !s.contains(anonymous.substring(0, 12)));
        assertThat(exists(anonymous)).isFalse();
        assertThat(exists("named-kept")).isTrue();
    }

    @Test
    void pruneAnsweredNoRemovesNothing() {
        String anonymous = ok("volume", "create").outLine();
        openVolumes(anonymous.substring(0, 12));
        screen.press('P');
        screen.waitFor("prune: remove the anonymous volumes");
        screen.press('n');
        screen.waitFor("not removed");
        assertThat(exists(anonymous)).isTrue();
    }
    @Test
    void aVolumeCreatedWhileTheViewIsOpenAppearsWithoutAKey() {
        openVolumes("No volumes.");
        ok("volume", "create", "arrives-live");
        screen.waitFor("arrives-live");
    }

    @Test
    void aVolumeRemovedElsewhereLeavesTheViewWithoutAKey() {
        ok("volume", "create", "stays-here");
        ok("volume", "create", "goes-away");
        openVolumes("goes-away");
        ok("volume", "rm", "goes-away");
        screen.waitUntil("goes-away gone", s -> s.contains("stays-here") && !s.contains("goes-away"));
    }

    @Test
    void aContainerMadeWithTheVolumeIsShownAsItsUserWithoutAKey() {
        ok("volume", "create", "gets-a-user");
        String shown = openVolumes("gets-a-user");
        assertThat(line(shown, "gets-a-user")).endsWith(" -");
        ok("create", "--name", "late-user", "-v", "gets-a-user:/data", "busybox", "true");
        screen.waitUntil("late-user in the row", s -> line(s, "gets-a-user").endsWith("late-user"));
    }

    @Test
    void manyVolumesMadeAtOnceAreAllShown() {
        openVolumes("No volumes.");
        for (int i = 0; i < 8; i++) ok("volume", "create", "burst-" + i);
        screen.waitUntil("all eight", s -> java.util.stream.IntStream.range(0, 8).allMatch(i -> s.contains("burst-" + i)));
    }
}
