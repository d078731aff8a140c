package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --add-host, --dns and --dns-search as the docker CLI reads them, with its messages for bad values. */
class NameFlagsTest {
    @Test void addHostTakesDockersThreeSpellingsAndSendsNameColonIp() {
        assertThat(NameFlags.addHosts(List.of("a:10.0.0.1", "b=10.0.0.2", "c=[2001:db8::1]", "d:2001:db8::2", "gw:host-gateway")))
                .containsExactly("a:10.0.0.1", "b:10.0.0.2", "c:2001:db8::1", "d:2001:db8::2", "gw:host-gateway");
    }

    @Test void addHostWithoutSeparatorIsDockersBadFormat() {
        assertThatThrownBy(() -> NameFlags.addHosts(List.of("nohost")))
                .hasMessage("invalid argument \"nohost\" for \"--add-host\" flag: bad format for add-host: \"nohost\"");
    }

    @Test void addHostWithABadAddressIsDockersInvalidIp() {
        assertThatThrownBy(() -> NameFlags.addHosts(List.of("foo:bar")))
                .hasMessage("invalid argument \"foo:bar\" for \"--add-host\" flag: invalid IP address in add-host: \"bar\"");
    }

    @Test void linkWithTwoColonsIsDockersBadFormat() {
        assertThatThrownBy(() -> NameFlags.links(List.of("a:b:c")))
                .hasMessage("invalid argument \"a:b:c\" for \"--link\" flag: bad format for links: a:b:c");
    }

    @Test void linksAreSentAsGiven() {
        assertThat(NameFlags.links(List.of("web", "db:data"))).containsExactly("web", "db:data");
    }

    @Test void dnsThatIsNotAnAddressIsDockersError() {
        assertThatThrownBy(() -> NameFlags.dns(List.of("foo")))
                .hasMessage("invalid argument \"foo\" for \"--dns\" flag: IP address is not correctly formatted: foo");
    }

    @Test void dnsSearchThatIsNotADomainIsDockersError() {
        assertThatThrownBy(() -> NameFlags.dnsSearch(List.of("a b")))
                .hasMessage("invalid argument \"a b\" for \"--dns-search\" flag: a b is not a valid domain");
    }

    @Test void dnsSearchDotMeansNoSearchAndIsSent() {
        assertThat(NameFlags.dnsSearch(List.of(".", "example.org."))).containsExactly(".", "example.org.");
    }

    @Test void flagsReachTheHostConfig() {
        RunCommand run = new RunCommand();
        new picocli.CommandLine(run).setStopAtPositional(true).parseArgs("--add-host", "db:10.0.0.5", "--dns", "10.0.0.53",
                "--dns-search", "example.org", "--dns-option", "ndots:2", "busybox");
        var h = CreateBody.build(run.flags, "busybox", List.of(), false, java.util.Map.of()).get("HostConfig");
        assertThat(h.get("ExtraHosts").toString()).isEqualTo("[\"db:10.0.0.5\"]");
        assertThat(h.get("Dns").toString()).isEqualTo("[\"10.0.0.53\"]");
        assertThat(h.get("DnsSearch").toString()).isEqualTo("[\"example.org\"]");
        assertThat(h.get("DnsOptions").toString()).isEqualTo("[\"ndots:2\"]");
    }
}
