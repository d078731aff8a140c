package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The variables of a link, by the rules of moby's daemon/links. */
class LinkEnvironmentTest {

    @Test
    void onePortGivesTheDefaultPortAndItsFourVariables() {
        assertThat(LinkEnvironment.of("/web_test/web", "172.17.0.2", List.of(), List.of("80/tcp"))).containsExactly(
                "WEB_PORT=tcp://172.17.0.2:80",
                "WEB_PORT_80_TCP=tcp://172.17.0.2:80",
                "WEB_PORT_80_TCP_ADDR=172.17.0.2",
                "WEB_PORT_80_TCP_PORT=80",
                "WEB_PORT_80_TCP_PROTO=tcp",
                "WEB_NAME=/web_test/web");
    }

    @Test
    void aliasIsUpperCasedWithDashesAsUnderscores() {
        assertThat(LinkEnvironment.of("/a/my-db", "10.0.0.2", List.of(), List.of())).containsExactly("MY_DB_NAME=/a/my-db");
    }

    @Test
    void tcpPortsComeFirstAndTheLowestIsTheDefault() {
        List<String> env = LinkEnvironment.of("/a/db", "10.0.0.2", List.of(), List.of("53/udp", "8080/tcp", "443/tcp"));
        assertThat(env.get(0)).isEqualTo("DB_PORT=tcp://10.0.0.2:443");
        assertThat(env).filteredOn(e -> e.matches("DB_PORT_\\d+_[A-Z]+=.*"))
                .containsExactly("DB_PORT_443_TCP=tcp://10.0.0.2:443", "DB_PORT_8080_TCP=tcp://10.0.0.2:8080",
                        "DB_PORT_53_UDP=udp://10.0.0.2:53");
    }

    @Test
    void consecutivePortsAlsoGetTheRangesStartAndEnd() {
        List<String> env = LinkEnvironment.of("/a/db", "10.0.0.2", List.of(), List.of("7000/tcp", "7001/tcp", "7002/tcp"));
        assertThat(env).contains("DB_PORT_7000_TCP_START=tcp://10.0.0.2:7000", "DB_PORT_7000_TCP_PORT_START=7000",
                "DB_PORT_7000_TCP_END=tcp://10.0.0.2:7002", "DB_PORT_7000_TCP_PORT_END=7002");
        assertThat(env).filteredOn(e -> e.contains("_START=") || e.contains("_END=")).hasSize(4);
    }

    @Test
    void targetsEnvironmentIsSharedWithoutHomeAndPath() {
        List<String> env = LinkEnvironment.of("/a/db", "10.0.0.2",
                List.of("PATH=/bin", "HOME=/root", "USER=me", "EMPTY=", "BARE"), List.of());
        assertThat(env).containsExactly("DB_NAME=/a/db", "DB_ENV_USER=me", "DB_ENV_EMPTY=");
    }
}
