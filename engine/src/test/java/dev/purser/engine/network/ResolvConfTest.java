package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's derivation of a container's resolv.conf from sample host files. */
class ResolvConfTest {
    private static final String SYSTEMD_STUB = """
            # This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
            nameserver 127.0.0.53
            options edns0 trust-ad
            search lan
            """;

    private static ResolvConf own(String host) {
        return ResolvConf.parse(host).forOwnNetwork(false, false);
    }

    @Test
    void routableServersOfTheHostAreKeptInOrder() {
        assertThat(own("nameserver 192.168.1.1\nnameserver 10.0.0.2\n").nameservers())
                .containsExactly("192.168.1.1", "10.0.0.2");
    }

    @Test
    void loopbackServersAreDropped() {
        assertThat(own("nameserver 127.0.0.1\nnameserver 10.0.0.2\nnameserver ::1\n").nameservers())
                .containsExactly("10.0.0.2");
    }

    @Test
    void onlyLoopbackServersGiveDockersPublicFallbacks() {
        ResolvConf rc = own(SYSTEMD_STUB);
        assertThat(rc.nameservers()).containsExactly("8.8.8.8", "8.8.4.4");
        assertThat(rc.usedFallbacks()).isTrue();
    }

    @Test
    void ipv6FallbacksFollowWhenTheContainerHasIpv6() {
        assertThat(ResolvConf.parse("nameserver 127.0.0.53\n").forOwnNetwork(true, false).nameservers())
                .containsExactly("8.8.8.8", "8.8.4.4", "2001:4860:4860::8888", "2001:4860:4860::8844");
    }

    @Test
    void ipv6ServersAreDroppedWithoutIpv6() {
        assertThat(own("nameserver 2001:db8::53\nnameserver 10.0.0.2\n").nameservers()).containsExactly("10.0.0.2");
    }

    @Test
    void anEmptyHostFileGivesTheFallbacks() {
        assertThat(own("").nameservers()).containsExactly("8.8.8.8", "8.8.4.4");
    }

    @Test
    void searchOptionsAndUnknownLinesAreKeptAndCommentsDropped() {
        ResolvConf rc = own(SYSTEMD_STUB + "sortlist 130.155.160.0/255.255.240.0\n");
        assertThat(rc.search()).containsExactly("lan");
        assertThat(rc.options()).containsExactly("edns0", "trust-ad");
        assertThat(rc.other()).containsExactly("sortlist 130.155.160.0/255.255.240.0");
        assertThat(rc.render("/etc/resolv.conf")).doesNotContain("systemd-resolved");
    }

    @Test
    void domainIsReadAsASearchListAndTheLastOfThemWins() {
        assertThat(own("search a.example b.example\ndomain c.example\n").search()).containsExactly("c.example");
    }

    @Test
    void givenDnsReplacesTheServersAndIsKeptEvenWhenLoopback() {
        ResolvConf rc = ResolvConf.parse("nameserver 10.0.0.2\n").overriddenBy(List.of("127.0.0.1", "1.1.1.1"), List.of(), List.of())
                .forOwnNetwork(false, true);
        assertThat(rc.nameservers()).containsExactly("127.0.0.1", "1.1.1.1");
    }

    @Test
    void givenSearchAndOptionsReplaceTheHostsAndADotMeansNoSearch() {
        ResolvConf rc = ResolvConf.parse(SYSTEMD_STUB).overriddenBy(List.of(), List.of("."), List.of("ndots:2"));
        assertThat(rc.search()).isEmpty();
        assertThat(rc.options()).containsExactly("ndots:2");
    }

    @Test
    void renderedFileHasServersThenSearchThenOptions() {
        String text = ResolvConf.parse("options rotate\nsearch example.org\nnameserver 10.0.0.2\n").forOwnNetwork(false, false)
                .render("/etc/resolv.conf");
        List<String> lines = text.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertThat(lines).containsExactly("nameserver 10.0.0.2", "search example.org", "options rotate");
    }

    @Test
    void aNameserverThatIsNotAnAddressIsLeftOut() {
        assertThat(ResolvConf.parse("nameserver dns.example\nnameserver 10.0.0.2\n").nameservers()).containsExactly("10.0.0.2");
    }
}
