package dev.purser.tui.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.tui.it.InProcessDaemon.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * purser's own CLI: {@code --hostname}, {@code --domainname}, {@code --add-host}, {@code --dns*}
 * and {@code --net container:} reach the daemon as docker sends them and change what the
 * container sees; bad values get docker's flag errors.
 */
class NetworkFlagsCliIT {
    static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = InProcessDaemon.start();
        daemon.importBusybox();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static Result purser(String... args) {
        Result r = daemon.purser(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void hostnameAndDomainnameAreTheContainers() {
        assertThat(purser("run", "--rm", "--hostname", "box", "--domainname", "example.org", "busybox", "sh", "-c",
                "hostname; cat /etc/hostname /proc/sys/kernel/domainname").out()).isEqualTo("box\nbox\nexample.org\n");
    }

    @Test
    void addHostIsInEtcHosts() {
        // the entry is not the last line: a bridged container's own address follows it
        assertThat(purser("run", "--rm", "--add-host", "db:10.0.0.5", "busybox", "grep", "-w", "db", "/etc/hosts").out())
                .isEqualTo("10.0.0.5\tdb\n");
    }

    @Test
    void dnsFlagsAreInResolvConf() {
        String text = purser("run", "--rm", "--dns", "10.1.1.1", "--dns-search", "example.org", "--dns-option", "ndots:3",
                "busybox", "cat", "/etc/resolv.conf").out();
        assertThat(text.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList())
                .containsExactly("nameserver 10.1.1.1", "search example.org", "options ndots:3");
    }

    @Test
    void containerModeSharesTheTargetsNetworkNamespace() {
        purser("run", "-d", "--name", "netns-target", "busybox", "sleep", "60");
        try {
            String target = purser("exec", "netns-target", "readlink", "/proc/self/ns/net").out();
            assertThat(purser("run", "--rm", "--net", "container:netns-target", "busybox", "readlink", "/proc/self/ns/net").out())
                    .isEqualTo(target);
        } finally {
            daemon.purser("rm", "-f", "netns-target");
        }
    }

    @Test
    void linkedTargetIsInTheLinkersHostsAndEnvironment() {
        purser("run", "-d", "--name", "link-target", "--expose", "80", "busybox", "sleep", "60");
        try {
            String ip = purser("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "link-target").out().strip();
            String seen = purser("run", "--rm", "--link", "link-target:web", "busybox", "sh", "-c",
                    "grep -w web /etc/hosts; echo $WEB_PORT_80_TCP_ADDR").out();
            assertThat(seen).startsWith(ip + "\tweb ").endsWith("\n" + ip + "\n");
        } finally {
            daemon.purser("rm", "-f", "link-target");
        }
    }

    @Test
    void hostnameWithContainerModeIsTheDaemonsConflict() {
        Result r = daemon.purser("run", "--rm", "--net", "container:other", "-h", "box", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("conflicting options: hostname and the network mode");
    }

    @Test
    void badAddHostIsDockersFlagError() {
        Result r = daemon.purser("run", "--rm", "--add-host", "nohost", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid argument \"nohost\" for \"--add-host\" flag: bad format for add-host: \"nohost\"");
    }

    @Test
    void badDnsIsDockersFlagError() {
        Result r = daemon.purser("run", "--rm", "--dns", "foo", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).startsWith("purser: invalid argument \"foo\" for \"--dns\" flag: IP address is not correctly formatted: foo");
    }
}
