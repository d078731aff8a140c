package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three files written for each network mode, from a host of the test's own making. */
class EtcFilesTest {
    @TempDir Path host;
    @TempDir Path dir;
    private EtcFiles.HostEtc etc;

    @BeforeEach
    void hostFiles() throws IOException {
        etc = new EtcFiles.HostEtc(host.resolve("hosts"), host.resolve("resolv.conf"), host.resolve("systemd-resolv.conf"),
                host.resolve("hostname"), host.resolve("if_inet6"));
        Files.writeString(etc.hosts(), "127.0.0.1 localhost\n10.9.9.9 printer.lan\n");
        Files.writeString(etc.resolvConf(), "nameserver 10.0.0.2\nsearch lan\n");
        Files.writeString(etc.hostname(), "thehost\n");
    }

    private static EtcFiles.Identity own(String hostname) {
        return new EtcFiles.Identity(false, hostname, "", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    private static List<String> settings(String resolvConf) {
        return resolvConf.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
    }

    @Test
    void hostnameFileHoldsTheHostname() throws IOException {
        new EtcFiles(etc, null).write(dir, own("box"));
        assertThat(read("hostname")).isEqualTo("box\n");
    }

    @Test
    void filesAreReadableByEveryone() throws IOException {
        new EtcFiles(etc, null).write(dir, own("box"));
        for (String f : List.of("hostname", "hosts", "resolv.conf")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f)))).isEqualTo("rw-r--r--");
        }
    }

    @Test
    void ownNetworkGetsTheHostsRoutableServersAndSearch() throws IOException {
        new EtcFiles(etc, null).write(dir, own("box"));
        assertThat(settings(read("resolv.conf"))).containsExactly("nameserver 10.0.0.2", "search lan");
    }

    @Test
    void systemdResolvedStubMakesItsUpstreamListTheSource() throws IOException {
        Files.writeString(etc.resolvConf(), "nameserver 127.0.0.53\noptions edns0\n");
        Files.writeString(etc.systemdResolvConf(), "nameserver 192.168.7.1\n");
        new EtcFiles(etc, null).write(dir, own("box"));
        assertThat(settings(read("resolv.conf"))).containsExactly("nameserver 192.168.7.1");
    }

    @Test
    void hostNetworkCopiesTheHostsHostsFile() throws IOException {
        new EtcFiles(etc, null).write(dir, new EtcFiles.Identity(true, "thehost", "", List.of(), List.of(), List.of(),
                List.of(), List.of()));
        assertThat(read("hosts")).isEqualTo("127.0.0.1 localhost\n10.9.9.9 printer.lan\n");
    }

    @Test
    void hostNetworkKeepsTheHostsLoopbackServer() throws IOException {
        Files.writeString(etc.resolvConf(), "nameserver 127.0.0.53\n");
        new EtcFiles(etc, null).write(dir, new EtcFiles.Identity(true, "thehost", "", List.of(), List.of(), List.of(),
                List.of(), List.of()));
        assertThat(settings(read("resolv.conf"))).containsExactly("nameserver 127.0.0.53");
    }

    @Test
    void hostNetworkWithAddHostBuildsItsOwnHostsFile() throws IOException {
        new EtcFiles(etc, null).write(dir, new EtcFiles.Identity(true, "thehost", "", List.of(), List.of(), List.of(),
                List.of("printer.lan:10.1.1.1"), List.of()));
        assertThat(read("hosts")).isEqualTo("127.0.0.1\tlocalhost\n10.1.1.1\tprinter.lan\n");
    }

    @Test
    void ipv6LocalhostLinesAppearWhenTheHostHasIpv6() throws IOException {
        Files.writeString(etc.ipv6Interfaces(), "");
        new EtcFiles(etc, null).write(dir, own("box"));
        assertThat(read("hosts")).contains("::1\tlocalhost ip6-localhost ip6-loopback\n");
    }

    @Test
    void hostGatewayIsTheDaemonsAddress() throws IOException {
        new EtcFiles(etc, "192.0.2.1").write(dir, new EtcFiles.Identity(false, "box", "", List.of(), List.of(), List.of(),
                List.of("gw:host-gateway"), List.of()));
        assertThat(read("hosts")).endsWith("192.0.2.1\tgw\n");
    }

    @Test
    void hostGatewayWithoutAnAddressIsRefused() {
        assertThatThrownBy(() -> new EtcFiles(etc, null).check(List.of(), List.of("gw:host-gateway")))
                .hasMessageStartingWith("unable to derive the IP value for host-gateway");
    }

    @Test
    void aDnsThatIsNotAnAddressIsRefused() {
        assertThatThrownBy(() -> new EtcFiles(etc, null).check(List.of("dns.example"), List.of()))
                .hasMessage("IP address is not correctly formatted: dns.example");
    }

    @Test
    void resolvConfTheContainerEditedIsKeptAtTheNextStart() throws IOException {
        EtcFiles files = new EtcFiles(etc, null);
        files.write(dir, own("box"));
        Files.writeString(dir.resolve("resolv.conf"), "nameserver 10.5.5.5\n");
        files.write(dir, own("box"));
        assertThat(read("resolv.conf")).isEqualTo("nameserver 10.5.5.5\n");
    }

    @Test
    void resolvConfNobodyEditedFollowsTheHostAtTheNextStart() throws IOException {
        EtcFiles files = new EtcFiles(etc, null);
        files.write(dir, own("box"));
        Files.writeString(etc.resolvConf(), "nameserver 10.0.0.3\n");
        files.write(dir, own("box"));
        assertThat(settings(read("resolv.conf"))).containsExactly("nameserver 10.0.0.3");
    }
}
