package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.dashboard.DashboardSettings;
import dev.purser.tui.it.InProcessDaemon.Result;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard's Networks view on Lanterna's virtual terminal against a real daemon: each
 * network's id, name, driver, scope and the containers on it, kept true by the engine's network
 * events (create, destroy, connect, disconnect) without a key. Subnets 10.238.6x.0/24 are this
 * test's own.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardNetworksIT {
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
    void close() throws InterruptedException {
        if (screen != null) screen.close();
        for (String id : daemon.purser("ps", "-aq").out().lines().toList()) daemon.purser("rm", "-f", id);
        daemon.purser("network", "prune", "-f");
    }

    private static Result ok(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private String openNetworks(String shown) {
        screen = new DashboardHarness(daemon, 140, 30, DashboardSettings.defaults());
        screen.waitFor("containers,");
        screen.press('4');
        return screen.waitFor(shown);
    }

    private static String line(String shown, String containing) {
        return shown.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in:\n" + shown));
    }

    @Test
    void eachNetworkShowsItsIdNameDriverScopeAndContainers() {
        String id = ok("network", "create", "--subnet", "10.238.60.0/24", "dash-listed").outLine();
        String shown = openNetworks("dash-listed");
        assertThat(shown).contains("NETWORK ID").contains("NAME").contains("DRIVER").contains("SCOPE").contains("CONTAINERS");
        assertThat(line(shown, "dash-listed")).matches("\\s+" + id.substring(0, 12) + "\\s+dash-listed\\s+bridge\\s+local\\s+-");
        assertThat(line(shown, " host ")).contains("host");
    }

    @Test
    void aNetworkCreatedWhileTheViewIsOpenAppearsWithoutAKey() {
        openNetworks("bridge");
        ok("network", "create", "--subnet", "10.238.61.0/24", "dash-arrives");
        screen.waitFor("dash-arrives");
    }

    @Test
    void aNetworkRemovedElsewhereLeavesTheViewWithoutAKey() {
        ok("network", "create", "--subnet", "10.238.62.0/24", "dash-leaves");
        openNetworks("dash-leaves");
        ok("network", "rm", "dash-leaves");
        screen.waitUntil("dash-leaves gone", s -> s.contains("bridge") && !s.contains("dash-leaves"));
    }

    @Test
    void aContainerStartedOnANetworkJoinsItsRowAndLeavesItWhenItStops() {
        ok("network", "create", "--subnet", "10.238.63.0/24", "dash-joined");
        openNetworks("dash-joined");
        ok("run", "-d", "--name", "net-peer", "--network", "dash-joined", "busybox", "sleep", "600");
        screen.waitUntil("net-peer on dash-joined", s -> line(s, "dash-joined").endsWith("net-peer"));
        ok("stop", "-t", "0", "net-peer");
        screen.waitUntil("net-peer gone from dash-joined", s -> line(s, "dash-joined").endsWith(" -"));
    }
}
