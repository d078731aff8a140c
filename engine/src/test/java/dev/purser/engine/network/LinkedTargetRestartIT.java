package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerConfig;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.CreateRequest;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.testing.TestEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A legacy link's target that starts again with another address: the running linker's
 * /etc/hosts follows it, as Docker's does ("If you restart the source container, the linked
 * containers' /etc/hosts files will be automatically updated"), and with {@code --icc=false} so
 * do the link's opened ports. Each test's default bridge is its own ({@code pit-lnk0},
 * 10.247.30.0/24; {@code pit-lnk1}, 10.247.31.0/24), so no other engine leases its addresses.
 */
class LinkedTargetRestartIT {
    /** Waits for the web line of its /etc/hosts to change, then pings web by name. */
    private static final String FOLLOW = "first=$(grep -w web /etc/hosts); echo ready; for i in $(seq 1 600); do "
            + "[ \"$(grep -w web /etc/hosts)\" != \"$first\" ] && { ping -c1 -W2 web; exit $?; }; sleep 0.1; done; exit 1";

    /** Waits for the web line of its /etc/hosts to change, then fetches web's page by name. */
    private static final String FOLLOW_AND_FETCH = "first=$(grep -w web /etc/hosts); echo ready; for i in $(seq 1 600); do "
            + "[ \"$(grep -w web /etc/hosts)\" != \"$first\" ] && break; sleep 0.1; done; "
            + "for i in $(seq 1 50); do timeout 3 wget -q -O - http://web:80/ && exit 0; sleep 0.1; done; exit 1";
    private static final String SERVE = "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 80 -h /www";

    private TestEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
            engine.engine().networks().bridge().remove();
        }
    }

    private void open(BridgeOptions bridge) {
        engine = TestEngine.withBridge(bridge);
    }

    private Containers containers() {
        return engine.engine().containers();
    }

    private Container named(String name, HostConfig host, String... cmd) {
        return containers().create(new CreateRequest(name, TestEngine.config(cmd), host));
    }

    private String address(Container c) {
        return containers().endpoint(c.id()).orElseThrow().address().toString();
    }

    @Test
    void linkerResolvesARestartedTargetAtItsNewAddress() {
        open(BridgeOptions.defaults().withBridgeName("pit-lnk0").withBip(Ipv4Cidr.parse("10.247.30.1/24")));
        Container web = named("web", null, "sleep", "1000");
        containers().start(web.id());
        String before = address(web);
        Container linker = named("linker", HostConfig.defaults().withLinks(List.of("web:web")), "sh", "-c", FOLLOW);
        containers().start(linker.id());
        engine.awaitLog(linker, "ready");
        containers().stop(web.id(), 0);
        // takes the address web had, so web comes back on another
        containers().start(named("filler", null, "sleep", "1000").id());
        containers().start(web.id());
        String after = address(web);
        assertThat(after).isNotEqualTo(before);
        assertThat(engine.awaitExit(linker)).as(engine.logs(linker)).isZero();
        assertThat(engine.logs(linker)).contains("PING web (" + after + ")");
    }

    @Test
    void withIccFalseTheLinkOpensTheRestartedTargetsPortAtItsNewAddress() {
        open(BridgeOptions.defaults().withBridgeName("pit-lnk1").withBip(Ipv4Cidr.parse("10.247.31.1/24")).withIcc(false));
        ContainerConfig serving = new ContainerConfig(null, null, null, false, true, true, false, false, false, List.of(),
                List.of("sh", "-c", SERVE), TestEngine.IMAGE, null, null, null, null, null, null, Map.of("80/tcp", Map.of()));
        Container web = containers().create(new CreateRequest("web", serving, null));
        containers().start(web.id());
        String before = address(web);
        Container linker = named("linker", HostConfig.defaults().withLinks(List.of("web:web")), "sh", "-c", FOLLOW_AND_FETCH);
        containers().start(linker.id());
        engine.awaitLog(linker, "ready");
        containers().stop(web.id(), 0);
        containers().start(named("filler", null, "sleep", "1000").id());
        containers().start(web.id());
        assertThat(address(web)).isNotEqualTo(before);
        assertThat(engine.awaitExit(linker)).as(engine.logs(linker)).isZero();
        assertThat(engine.logs(linker)).contains("hello");
    }
}
