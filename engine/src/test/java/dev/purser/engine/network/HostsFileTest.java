package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostsFileTest {
    private static final String LOCALHOST = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::\tip6-localnet
            ff00::\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    @Test
    void loopbackOnlyContainerHasDockersLocalhostLines() {
        assertThat(HostsFile.render(List.of(), List.of(), "abc", "", true)).isEqualTo(LOCALHOST);
    }

    @Test
    void withoutIpv6OnlyTheIpv4LocalhostLineIsWritten() {
        assertThat(HostsFile.render(List.of(), List.of(), "abc", "", false)).isEqualTo("127.0.0.1\tlocalhost\n");
    }

    @Test
    void extraHostsComeBeforeTheContainersOwnAddress() {
        String hosts = HostsFile.render(List.of(ExtraHost.parse("db:10.0.0.5"), ExtraHost.parse("v6:2001:db8::0:1")),
                List.of(IpLiteral.parse("172.17.0.2")), "web", "", true);
        assertThat(hosts).isEqualTo(LOCALHOST + "10.0.0.5\tdb\n2001:db8::1\tv6\n172.17.0.2\tweb\n");
    }

    @Test
    void ownAddressCarriesTheFullNameAndTheBareHostName() {
        String hosts = HostsFile.render(List.of(), List.of(IpLiteral.parse("172.17.0.2")), "web", "example.org", false);
        assertThat(hosts).endsWith("172.17.0.2\tweb.example.org web\n");
    }

    @Test
    void ipv6EntriesAreLeftOutWithoutIpv6() {
        String hosts = HostsFile.render(List.of(ExtraHost.parse("v6:2001:db8::1"), ExtraHost.parse("v4:10.0.0.1")),
                List.of(), "web", "", false);
        assertThat(hosts).isEqualTo("127.0.0.1\tlocalhost\n10.0.0.1\tv4\n");
    }
}
