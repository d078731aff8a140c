package dev.purser.tui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -p} and {@code --expose} as the docker CLI reads them, with its errors. */
class PublishFlagsTest {
    private static PublishFlags.Ports parse(String... publish) {
        return PublishFlags.parse(List.of(publish), List.of());
    }

    @Test
    void hostAndContainerPortBindOnEveryAddress() {
        PublishFlags.Ports p = parse("8080:80");
        assertThat(p.portBindings().toString()).isEqualTo("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}");
        assertThat(p.exposedPorts().toString()).isEqualTo("{\"80/tcp\":{}}");
    }

    @Test
    void containerPortAloneAsksForAnyHostPort() {
        assertThat(parse("80").portBindings().toString()).isEqualTo("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]}");
    }

    @Test
    void addressAndProtocolAreKept() {
        assertThat(parse("127.0.0.1:5353:53/udp").portBindings().toString())
                .isEqualTo("{\"53/udp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"5353\"}]}");
    }

    @Test
    void ipv6AddressInBracketsLosesTheBrackets() {
        assertThat(parse("[::1]:8080:80").portBindings().toString())
                .isEqualTo("{\"80/tcp\":[{\"HostIp\":\"::1\",\"HostPort\":\"8080\"}]}");
    }

    @Test
    void equalRangesPairPortByPort() {
        assertThat(parse("8000-8001:80-81").portBindings().toString()).isEqualTo(
                "{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8000\"}],\"81/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8001\"}]}");
    }

    @Test
    void hostRangeForOneContainerPortIsARangeToChooseFrom() {
        assertThat(parse("8000-8010:80").portBindings().toString())
                .isEqualTo("{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8000-8010\"}]}");
    }

    @Test
    void longFormIsTheShortOne() {
        assertThat(parse("target=80,published=8080,protocol=udp").portBindings().toString())
                .isEqualTo("{\"80/udp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}");
    }

    @Test
    void exposeRangeExposesEachPort() {
        assertThat(PublishFlags.parse(List.of(), List.of("90-92/udp")).exposedPorts().toString())
                .isEqualTo("{\"90/udp\":{},\"91/udp\":{},\"92/udp\":{}}");
    }

    @Test
    void badSpecsHaveDockersMessages() {
        assertThatThrownBy(() -> parse("80:99999")).hasMessage("invalid containerPort: 99999");
        assertThatThrownBy(() -> parse("x:80")).hasMessage("invalid hostPort: x");
        assertThatThrownBy(() -> parse("8080:")).hasMessage("no port specified: 8080:<empty>");
        assertThatThrownBy(() -> parse("80/icmp")).hasMessage("invalid proto: icmp");
        assertThatThrownBy(() -> parse("8000-8001:80-82"))
                .hasMessage("invalid ranges specified for container and host Ports: 80-82 and 8000-8001");
        assertThatThrownBy(() -> parse("localhost:80:80")).hasMessage("invalid IP address: localhost");
        assertThatThrownBy(() -> PublishFlags.parse(List.of(), List.of("1:2")))
                .hasMessage("invalid port format for --expose: 1:2");
        assertThatThrownBy(() -> PublishFlags.parse(List.of(), List.of("a")))
                .hasMessage("invalid range format for --expose: a, error: strconv.ParseUint: parsing \"a\": invalid syntax");
    }
}
