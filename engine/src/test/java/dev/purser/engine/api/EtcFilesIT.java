package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.network.IpLiteral;
import dev.purser.engine.network.ResolvConf;
import dev.purser.engine.testing.TestDaemon;
import dev.purser.engine.testing.TestDaemon.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container's /etc/hostname, /etc/hosts and /etc/resolv.conf as Docker makes them, for each
 * option that changes them and each network mode, seen from inside containers run with the
 * docker CLI.
 */
class EtcFilesIT {
    static TestDaemon daemon;
    static UnixHttp http;

    @BeforeAll
    static void startDaemon() {
        daemon = TestDaemon.start();
        http = new UnixHttp(daemon.socket());
    }

    @AfterAll
    static void stopDaemon() {
        daemon.close();
    }

    private static String run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("run", "--rm"));
        all.addAll(List.of(args));
        Result r = daemon.docker(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(all + ": " + r.err()).isZero();
        return r.out();
    }

    private static List<String> settings(String resolvConf) {
        return resolvConf.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
    }

    @Test
    void hostnameIsTheShortIdByDefault() {
        Result created = daemon.docker("create", "busybox", "sh", "-c", "hostname; cat /etc/hostname; echo $HOSTNAME");
        String id = created.outLine();
        try {
            Result r = daemon.docker("start", "-a", id);
            assertThat(r.out()).isEqualTo((id.substring(0, 12) + "\n").repeat(3));
        } finally {
            daemon.docker("rm", "-f", id);
        }
    }

    @Test
    void givenHostnameIsInEtcHostnameAndTheUtsNamespace() {
        assertThat(run("-h", "box", "busybox", "sh", "-c", "hostname; cat /etc/hostname")).isEqualTo("box\nbox\n");
    }

    @Test
    void givenDomainnameIsTheUtsNamespacesDomain() {
        assertThat(run("--domainname", "example.org", "busybox", "cat", "/proc/sys/kernel/domainname"))
                .isEqualTo("example.org\n");
    }

    @Test
    void hostsHasDockersLocalhostLines() {
        assertThat(run("busybox", "cat", "/etc/hosts")).startsWith("127.0.0.1\tlocalhost\n");
    }

    @Test
    void addHostEntriesFollowTheLocalhostLines() {
        String hosts = run("--add-host", "db:10.0.0.5", "--add-host", "alias=10.0.0.6", "busybox", "cat", "/etc/hosts");
        assertThat(hosts).contains("ff02::2\tip6-allrouters\n10.0.0.5\tdb\n10.0.0.6\talias\n");
    }

    @Test
    void hostGatewayIsTheDaemonsHostGatewayIp() {
        try (TestDaemon withGateway = TestDaemon.withHostGatewayIp("192.0.2.1")) {
            Result r = withGateway.docker("run", "--rm", "--add-host", "host.docker.internal:host-gateway", "busybox",
                    "cat", "/etc/hosts");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("\n192.0.2.1\thost.docker.internal\n");
        }
    }

    @Test
    void hostGatewayWithoutTheDaemonFlagIsTheDefaultBridgesGateway() {
        String gateway = daemon.docker("network", "inspect", "-f", "{{range .IPAM.Config}}{{.Gateway}}{{end}}", "bridge").out().trim();
        assertThat(gateway).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        String hosts = run("--add-host", "gw:host-gateway", "busybox", "cat", "/etc/hosts");
        assertThat(hosts).contains("\n" + gateway + "\tgw\n");
    }

    @Test
    void resolvConfHasNoLoopbackServerOfTheHost() throws IOException {
        String text = run("busybox", "cat", "/etc/resolv.conf");
        List<String> servers = ResolvConf.parse(text).nameservers();
        assertThat(servers).isNotEmpty().noneMatch(s -> IpLiteral.parse(s).isLoopback());
        ResolvConf host = ResolvConf.parse(Files.readString(Path.of("/etc/resolv.conf")));
        assertThat(servers).allMatch(s -> host.nameservers().contains(s) || ResolvConf.FALLBACK_IPV4.contains(s)
                || systemdServers().contains(s));
    }

    private static List<String> systemdServers() {
        try {
            return ResolvConf.parse(Files.readString(Path.of("/run/systemd/resolve/resolv.conf"))).nameservers();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void dnsFlagsReplaceServersSearchAndOptions() {
        String text = run("--dns", "10.1.1.1", "--dns", "10.1.1.2", "--dns-search", "example.org",
                "--dns-option", "ndots:3", "busybox", "cat", "/etc/resolv.conf");
        assertThat(settings(text)).containsExactly("nameserver 10.1.1.1", "nameserver 10.1.1.2", "search example.org",
                "options ndots:3");
    }

    @Test
    void filesAreWritableByTheContainer() {
        assertThat(run("busybox", "sh", "-c", "echo 10.2.2.2 extra >> /etc/hosts && tail -n 1 /etc/hosts"))
                .isEqualTo("10.2.2.2 extra\n");
    }

    @Test
    void editedResolvConfIsKeptWhenTheContainerStartsAgain() {
        String id = daemon.docker("create", "busybox", "sh", "-c",
                "grep -q 10.7.7.7 /etc/resolv.conf && echo kept || echo nameserver 10.7.7.7 > /etc/resolv.conf").outLine();
        try {
            assertThat(daemon.docker("start", "-a", id).out()).isEmpty();
            assertThat(daemon.docker("start", "-a", id).out()).isEqualTo("kept\n");
        } finally {
            daemon.docker("rm", "-f", id);
        }
    }

    @Test
    void hostNetworkHasTheHostsNameHostsAndServers() throws IOException {
        String out = run("--network", "host", "busybox", "sh", "-c", "hostname; cat /etc/hosts");
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        assertThat(out).isEqualTo(hostname + "\n" + Files.readString(Path.of("/etc/hosts")));
        List<String> servers = ResolvConf.parse(run("--network", "host", "busybox", "cat", "/etc/resolv.conf")).nameservers();
        assertThat(servers).isEqualTo(ResolvConf.parse(Files.readString(Path.of("/etc/resolv.conf"))).nameservers());
    }

    @Test
    void noneNetworkHasLocalhostOnlyAndTheDerivedServers() {
        String hosts = run("--network", "none", "--add-host", "db:10.0.0.5", "busybox", "cat", "/etc/hosts");
        assertThat(hosts).startsWith("127.0.0.1\tlocalhost\n").endsWith("10.0.0.5\tdb\n");
        assertThat(ResolvConf.parse(run("--network", "none", "busybox", "cat", "/etc/resolv.conf")).nameservers())
                .isNotEmpty().noneMatch(s -> IpLiteral.parse(s).isLoopback());
    }

    @Test
    void malformedExtraHostIsRefusedWithDockersMessage() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"ExtraHosts\":[\"nohost\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("bad format for add-host: \\\"nohost\\\"");
    }

    @Test
    void extraHostWithABadAddressIsRefusedWithDockersMessage() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"ExtraHosts\":[\"db:1.2.3\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("invalid IP address in add-host: \\\"1.2.3\\\"");
    }

    @Test
    void dnsThatIsNotAnAddressIsRefused() throws IOException {
        UnixHttp.Response r = http.send("POST", "/v1.41/containers/create",
                "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"Dns\":[\"dns.example\"]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("IP address is not correctly formatted: dns.example");
    }
}
