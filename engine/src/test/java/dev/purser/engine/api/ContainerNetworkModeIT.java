package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --net container:X}: the container joins X's network namespace (its interfaces, its
 * localhost) and has X's hostname and /etc files; Docker's errors for a target that is missing,
 * stopped or itself (at start) and for the options that conflict with the mode (at create).
 */
class ContainerNetworkModeIT {
    /** Waits, within a deadline, for X's server to answer on the shared loopback. */
    private static final String FETCH = "for i in $(seq 200); do wget -q -O - http://127.0.0.1/ && exit 0; sleep 0.05; done; exit 1";

    static TestDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    @AfterEach
    void removeTargets() {
        daemon.docker("rm", "-f", "web", "self", "stopped", "joiner");
    }

    private static Result ok(String... args) {
        Result r = daemon.docker(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private static void startTarget(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-d", "--name", "web"));
        args.addAll(List.of(options));
        args.addAll(List.of("busybox", "sh", "-c",
                "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 127.0.0.1:80 -h /www"));
        ok(args.toArray(String[]::new));
    }

    @Test
    void joinerReachesTheTargetsLocalhost() {
        startTarget();
        assertThat(ok("run", "--rm", "--net", "container:web", "busybox", "sh", "-c", FETCH).out())
                .isEqualTo("hello from web\n");
    }

    @Test
    void joinerIsInTheTargetsNetworkNamespace() {
        startTarget();
        String target = ok("exec", "web", "readlink", "/proc/self/ns/net").outLine();
        String joiner = ok("run", "--rm", "--net", "container:web", "busybox", "readlink", "/proc/self/ns/net").outLine();
        String own = ok("run", "--rm", "busybox", "readlink", "/proc/self/ns/net").outLine();
        assertThat(joiner).isEqualTo(target).isNotEqualTo(own);
    }

    @Test
    void joinerSeesTheTargetsInterfaces() {
        startTarget();
        assertThat(ok("run", "--rm", "--net", "container:web", "busybox", "cat", "/proc/net/dev").out().lines().skip(2)
                .map(l -> l.substring(0, l.indexOf(':')).strip()).toList())
                .isEqualTo(ok("exec", "web", "cat", "/proc/net/dev").out().lines().skip(2)
                        .map(l -> l.substring(0, l.indexOf(':')).strip()).toList());
    }

    @Test
    void targetCanBeNamedByIdPrefix() {
        startTarget();
        String id = ok("inspect", "--format", "{{.Id}}", "web").outLine();
        assertThat(ok("run", "--rm", "--net", "container:" + id.substring(0, 8), "busybox", "sh", "-c", FETCH).out())
                .isEqualTo("hello from web\n");
    }

    @Test
    void joinerHasTheTargetsHostnameAndFiles() {
        startTarget("-h", "webhost", "--domainname", "example.org", "--add-host", "db:10.0.0.5", "--dns", "10.3.3.3");
        String out = ok("run", "--rm", "--net", "container:web", "busybox", "sh", "-c",
                "hostname; cat /proc/sys/kernel/domainname; echo $HOSTNAME; grep db /etc/hosts; grep nameserver /etc/resolv.conf").out();
        assertThat(out).isEqualTo("webhost\nexample.org\nwebhost\n10.0.0.5\tdb\nnameserver 10.3.3.3\n");
    }

    @Test
    void missingTargetFailsTheStartWithDockersError() {
        Result r = daemon.docker("run", "--name", "joiner", "--net", "container:nothere", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("joining network namespace of container: No such container: nothere");
    }

    @Test
    void missingTargetIsNoErrorAtCreate() {
        assertThat(daemon.docker("create", "--name", "joiner", "--net", "container:nothere", "busybox", "true").exitCode())
                .isZero();
    }

    @Test
    void stoppedTargetFailsTheStartWithDockersError() {
        ok("create", "--name", "stopped", "busybox", "true");
        Result r = daemon.docker("run", "--name", "joiner", "--net", "container:stopped", "busybox", "true");
        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).contains("cannot join network namespace of a non running container: container stopped is created");
    }

    @Test
    void joiningItselfFailsTheStartWithDockersError() {
        ok("create", "--name", "self", "--net", "container:self", "busybox", "true");
        Result r = daemon.docker("start", "self");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("cannot join own network namespace");
    }

    @Test
    void failedJoinRecordsTheErrorAndLeavesTheContainerStartable() {
        ok("create", "--name", "joiner", "--net", "container:web", "busybox", "sh", "-c", FETCH);
        assertThat(daemon.docker("start", "joiner").exitCode()).isNotZero();
        startTarget();
        assertThat(ok("start", "-a", "joiner").out()).isEqualTo("hello from web\n");
    }

    private static void refusedAtCreate(String message, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("create", "--name", "joiner", "--net", "container:web"));
        args.addAll(List.of(options));
        args.addAll(List.of("busybox", "true"));
        Result r = daemon.docker(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isNotZero();
        assertThat(r.err()).contains(message);
        assertThat(daemon.docker("inspect", "joiner").exitCode()).isNotZero();
    }

    @Test
    void hostnameConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: hostname and the network mode", "-h", "box");
    }

    @Test
    void dnsConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: dns and the network mode", "--dns", "10.1.1.1");
    }

    @Test
    void dnsSearchConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: dns and the network mode", "--dns-search", "example.org");
    }

    @Test
    void addHostConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: custom host-to-IP mapping and the network mode", "--add-host", "db:10.0.0.5");
    }

    @Test
    void publishConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: port publishing and the container type network mode", "-p", "8080:80");
    }

    @Test
    void publishAllConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: port publishing and the container type network mode", "-P");
    }

    @Test
    void exposeConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: port exposing and the container type network mode", "--expose", "80");
    }

    @Test
    void linkConflictsWithContainerMode() {
        refusedAtCreate("conflicting options: container type network can't be used with links", "--link", "web:w");
    }

    @Test
    void containerModeWithoutANameIsRefused() {
        Result r = daemon.docker("create", "--net", "container:", "busybox", "true");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("invalid container format container:<name|id>");
    }
}
