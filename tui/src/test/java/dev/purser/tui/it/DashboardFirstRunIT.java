package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dashboard's first run on an empty engine: the offer of a busybox image and two examples. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DashboardFirstRunIT {
    InProcessDaemon daemon;
    DashboardHarness screen;

    @AfterEach
    void close() throws InterruptedException {
        if (screen != null) screen.close();
        if (daemon != null) daemon.close();
    }

    @Test
    void yesMakesABusyboxImageFromTheHostAndStartsAWebServerAndALogger() {
        daemon = InProcessDaemon.start();
        screen = new DashboardHarness(daemon);
        screen.waitFor("Nothing here yet. Make a busybox image");
        screen.press('y');
        screen.waitFor("example-web");
        screen.waitFor("example-logger");
        assertThat(daemon.purser("inspect", "-f", "{{.State.Status}}", "example-web").outLine()).isEqualTo("running");
        assertThat(daemon.purser("images", "--format", "{{.Repository}}:{{.Tag}}").out()).contains("busybox:latest");
    }

    @Test
    void noLeavesTheEngineEmpty() {
        daemon = InProcessDaemon.start();
        screen = new DashboardHarness(daemon);
        screen.waitFor("Nothing here yet. Make a busybox image");
        screen.press('n');
        screen.waitUntil("the offer gone", s -> !s.contains("Nothing here yet"));
        assertThat(daemon.purser("images", "-q").out()).isEmpty();
        assertThat(daemon.purser("ps", "-aq").out()).isEmpty();
    }
}
