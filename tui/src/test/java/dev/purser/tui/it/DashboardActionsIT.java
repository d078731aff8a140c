package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard's run form, bulk actions and prunes, on Lanterna's virtual terminal against a
 * real daemon: what the keys do is read back from the daemon.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardActionsIT {
    static InProcessDaemon daemon;
    DashboardHarness screen;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        Result imported = daemon.importBusybox();
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void closeScreen() throws InterruptedException {
        if (screen != null) screen.close();
    }

    private static String inspect(String format, String name) {
        Result r = daemon.purser("inspect", "-f", format, name);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.outLine();
    }

    private static boolean exists(String name) {
        return daemon.purser("inspect", "-f", "{{.Id}}", name).exitCode() == 0;
    }

    private void filter(String text) {
        screen.press('/');
        screen.type(text);
        screen.press(KeyType.Enter);
        screen.waitFor("filter \"" + text + "\"");
    }

    /** Opens the form and fills it: image, name, command, env, ports, volumes, restart policy (null leaves a field as it is). */
    private void fill(String... fields) {
        screen.press('c');
        screen.waitFor("Run a container");
        for (String value : fields) {
            if (value != null) {
                for (int i = 0; i < 20; i++) screen.press(KeyType.Backspace);
                screen.type(value);
            }
            screen.press(KeyType.Tab);
        }
    }

    @Test
    void theRunFormStartsADetachedContainerWithItsNameCommandEnvAndRestartPolicy() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        fill("busybox", "formed", "sh -c 'sleep 600'", "GREETING=hi OTHER=two", null, null, "unless-stopped");
        screen.press(KeyType.Enter);
        screen.waitFor("started formed");
        assertThat(inspect("{{.State.Status}}", "formed")).isEqualTo("running");
        assertThat(inspect("{{json .Config.Cmd}}", "formed")).isEqualTo("[\"sh\",\"-c\",\"sleep 600\"]");
        assertThat(inspect("{{json .Config.Env}}", "formed")).contains("\"GREETING=hi\"").contains("\"OTHER=two\"");
        assertThat(inspect("{{.HostConfig.RestartPolicy.Name}}", "formed")).isEqualTo("unless-stopped");
        assertThat(screen.text()).doesNotContain("Run a container");
    }

    @Test
    void theRunFormMountsItsVolumes() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(daemon.root().resolve("form-volume"));
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        fill("busybox", "form_mounted", "sleep 600", null, null, dir + ":/data:ro");
        screen.press(KeyType.Enter);
        screen.waitFor("started form_mounted");
        assertThat(inspect("{{range .Mounts}}{{.Source}}->{{.Destination}} {{.RW}}{{end}}", "form_mounted"))
                .isEqualTo(dir + "->/data false");
    }

    @Test
    void theEnginesRefusalComesBackOnTheStatusLineAndTheFormOpensAgain() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        fill("no_such_image", "refused_run");
        screen.press(KeyType.Enter);
        String shown = screen.waitFor("run refused_run: ");
        assertThat(shown).containsIgnoringCase("no such image").contains("Run a container");
        assertThat(exists("refused_run")).isFalse();
    }

    @Test
    void aFlagTheCliRefusesIsNamedOnTheStatusLineAndNothingIsCreated() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        fill("busybox", "bad_policy", "sleep 600", null, null, null, "on-failure:often");
        screen.press(KeyType.Enter);
        String shown = screen.waitFor("run: ");
        assertThat(shown).contains("maximum retry count must be an integer").contains("Run a container");
        assertThat(exists("bad_policy")).isFalse();
    }

    @Test
    void thePortsFieldIsAppliedOrRefusedNeverDropped() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        fill("busybox", "form_ported", "sleep 600", null, "18080:80");
        screen.press(KeyType.Enter);
        String shown = screen.waitUntil("started or refused", s -> s.contains("started form_ported") || s.contains("run: ")
                || s.contains("run form_ported: "));
        if (shown.contains("started form_ported")) {
            assertThat(inspect("{{json .HostConfig.PortBindings}}", "form_ported")).contains("80/tcp").contains("18080");
        } else {
            assertThat(shown).containsPattern("(?i)publish|port");
            assertThat(exists("form_ported")).isFalse();
        }
    }

    @Test
    void escClosesTheFormAndRunsNothing() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        fill("busybox", "never_run");
        screen.press(KeyType.Escape);
        screen.waitUntil("the form closed", s -> !s.contains("Run a container"));
        assertThat(exists("never_run")).isFalse();
    }

    @Test
    void markedRowsAreRemovedTogetherAfterOneQuestion() {
        for (String name : new String[] {"bulk_rm_one", "bulk_rm_two"}) {
            assertThat(daemon.purser("run", "-d", "--name=" + name, "busybox", "sleep", "600").exitCode()).isZero();
        }
        screen = new DashboardHarness(daemon);
        screen.waitFor("bulk_rm_two");
        filter("bulk_rm_");
        screen.press(' ');
        screen.press(' ');
        screen.waitUntil("two marked rows", s -> s.lines().filter(l -> l.startsWith("* bulk_rm_")).count() == 2);
        screen.press('d');
        screen.waitFor("remove bulk_rm_");
        screen.press('y');
        screen.waitUntil("both gone", s -> s.lines().noneMatch(l -> l.contains("bulk_rm_") && l.contains("busybox")));
        assertThat(exists("bulk_rm_one")).isFalse();
        assertThat(exists("bulk_rm_two")).isFalse();
    }

    @Test
    void markedRowsAreRestartedTogether() {
        for (String name : new String[] {"bulk_re_one", "bulk_re_two"}) {
            assertThat(daemon.purser("run", "-d", "--name=" + name, "busybox", "sleep", "600").exitCode()).isZero();
        }
        String before1 = inspect("{{.State.StartedAt}}", "bulk_re_one");
        String before2 = inspect("{{.State.StartedAt}}", "bulk_re_two");
        screen = new DashboardHarness(daemon);
        screen.waitFor("bulk_re_two");
        filter("bulk_re_");
        screen.press(' ');
        screen.press(' ');
        screen.waitUntil("two marked rows", s -> s.lines().filter(l -> l.startsWith("* bulk_re_")).count() == 2);
        screen.press('r');
        screen.waitUntil("both restarted", s -> !inspect("{{.State.StartedAt}}", "bulk_re_one").equals(before1)
                && !inspect("{{.State.StartedAt}}", "bulk_re_two").equals(before2));
        assertThat(inspect("{{.State.Status}}", "bulk_re_one")).isEqualTo("running");
        assertThat(inspect("{{.State.Status}}", "bulk_re_two")).isEqualTo("running");
    }

    @Test
    void containerPruneAsksFirstAndRemovesOnlyStoppedContainers() {
        assertThat(daemon.purser("run", "--name=prune_stopped", "busybox", "true").exitCode()).isZero();
        assertThat(daemon.purser("run", "-d", "--name=prune_running", "busybox", "sleep", "600").exitCode()).isZero();
        screen = new DashboardHarness(daemon);
        screen.waitFor("prune_stopped");
        screen.press('P');
        screen.waitFor("remove every stopped container?");
        screen.press('n');
        screen.waitFor("nothing pruned");
        assertThat(exists("prune_stopped")).isTrue();
        screen.press('P');
        screen.waitFor("remove every stopped container?");
        screen.press('y');
        screen.waitFor("pruned ");
        assertThat(exists("prune_stopped")).isFalse();
        assertThat(exists("prune_running")).isTrue();
    }

    @Test
    void imagePruneAsksFirstAndRemovesDanglingImagesOnly() {
        // an import without a name is a dangling image
        Result dangling = daemon.purser("import", daemon.root().resolve("busybox-rootfs.tar").toString());
        assertThat(dangling.exitCode()).as(dangling.err()).isZero();
        String id = dangling.outLine();
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        screen.press('2');
        screen.waitFor("<none>");
        screen.press('P');
        screen.waitFor("remove every dangling image");
        screen.press('y');
        screen.waitFor("pruned 1 images");
        assertThat(daemon.purser("image", "inspect", id).exitCode()).isNotZero();
        assertThat(daemon.purser("image", "inspect", "busybox:latest").exitCode()).isZero();
    }

    @Test
    void theMouseKeySaysWhenTheTerminalCannotReportTheMouse() {
        screen = new DashboardHarness(daemon);
        screen.waitFor("containers,");
        screen.press('M');
        screen.waitFor("this terminal cannot report the mouse");
    }

    @Test
    void theRunAndPruneKeysAreRemappable() throws Exception {
        Path config = java.nio.file.Files.createTempFile(daemon.root(), "config", ".json");
        java.nio.file.Files.writeString(config, "{\"keys\": {\"run\": \"x\", \"prune\": \"c\"}}");
        screen = new DashboardHarness(daemon, 100, 30, dev.purser.tui.dashboard.DashboardSettings.load(config));
        screen.waitFor("containers,");
        screen.press('x');
        screen.waitFor("Run a container");
        screen.press(KeyType.Escape);
        screen.waitUntil("the form closed", s -> !s.contains("Run a container"));
        screen.press('c');
        screen.waitFor("remove every stopped container?");
        screen.press('n');
    }

    @Test
    void aClashWithTheRunKeyIsReportedOnScreen() throws Exception {
        Path config = java.nio.file.Files.createTempFile(daemon.root(), "config", ".json");
        java.nio.file.Files.writeString(config, "{\"keys\": {\"run\": \"s\"}}");
        screen = new DashboardHarness(daemon, 100, 30, dev.purser.tui.dashboard.DashboardSettings.load(config));
        screen.waitFor("key clash: 's'");
    }
}
