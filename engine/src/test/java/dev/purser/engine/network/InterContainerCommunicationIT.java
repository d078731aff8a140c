package dev.purser.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.container.Container;
import dev.purser.engine.container.ContainerConfig;
import dev.purser.engine.container.HostConfig;
import dev.purser.engine.testing.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The daemon's {@code --icc=false}: containers on the bridge cannot reach each other, and a link
 * opens exactly its target's exposed ports to the linker. On a bridge and subnet of the test's
 * own, so that the drop rule never touches other tests' containers.
 */
class InterContainerCommunicationIT {
    private static final String BRIDGE = "purserit-icc0";
    private static TestEngine engine;
    private static Container web;
    private static String webIp;

    /** Two busybox httpd: port 80 (exposed) and port 81 (not). */
    private static final String SERVE = "mkdir -p /www && echo hello > /www/index.html && httpd -p 81 -h /www && exec httpd -f -p 80 -h /www";

    @BeforeAll
    static void start() {
        engine = TestEngine.withBridge(BridgeOptions.defaults().withBridgeName(BRIDGE)
                .withBip(Ipv4Cidr.parse("10.213.7.1/24")).withIcc(false));
        ContainerConfig config = new ContainerConfig(null, null, null, false, true, true, false, false, false, List.of(),
                List.of("sh", "-c", SERVE), TestEngine.IMAGE, null, null, null, null, null, null, Map.of("80/tcp", Map.of()));
        web = engine.engine().containers().create(new dev.purser.engine.container.CreateRequest("web", config, null));
        engine.engine().containers().start(web.id());
        webIp = engine.engine().containers().endpoint(web.id()).orElseThrow().address().toString();
    }

    @AfterAll
    static void stop() {
        engine.close();
        engine.engine().networks().bridge().remove();
    }

    /** Fetches from web: retrying for ten seconds when {@code retry} (the server may still be coming up), else once. */
    private static int fetch(HostConfig host, int port, boolean retry) {
        // busybox's wget -T crashes: timeout bounds a connection the drop rule leaves hanging
        String once = "timeout 3 wget -q -O - http://" + webIp + ":" + port + "/";
        // the shell stays pid 1 (a command it execs would be, and ignore timeout's signal)
        String cmd = retry ? "for i in $(seq 1 100); do " + once + " && exit 0; sleep 0.1; done; exit 1" : once + "; exit $?";
        Container c = engine.create(TestEngine.config("sh", "-c", cmd), host);
        int code;
        try {
            code = engine.runToExit(c);
        } catch (RuntimeException e) {
            throw new AssertionError("the fetching container did not run: " + e.getMessage(), e);
        }
        if (code != 0) {
            System.err.println("fetch " + port + " exited " + code + ": " + engine.logs(c) + " / "
                    + engine.engine().containers().get(c.id()).state().error() + " / rules " + rulesOrNone());
        }
        engine.engine().containers().remove(c.id(), true);
        return code;
    }

    private static HostConfig linkedToWeb() {
        return HostConfig.defaults().withLinks(List.of("web:web"));
    }

    @Test
    void linkedContainerReachesTheTargetsExposedPort() {
        assertThat(fetch(linkedToWeb(), 80, true)).isZero();
    }

    @Test
    void unlinkedNeighbourIsBlocked() {
        assertThat(fetch(linkedToWeb(), 80, true)).as("web answers a linked container").isZero();
        assertThat(fetch(null, 80, false)).isNotZero();
    }

    @Test
    void linkDoesNotOpenAPortTheTargetDoesNotExpose() {
        assertThat(fetch(linkedToWeb(), 80, true)).as("web answers a linked container").isZero();
        assertThat(fetch(linkedToWeb(), 81, false)).isNotZero();
    }

    @Test
    void linkersRulesGoWhenItStops() throws Exception {
        assertThat(fetch(linkedToWeb(), 80, true)).isZero();
        assertThat(forwardRules()).noneMatch(l -> l.contains("purser:" + BRIDGE + ":link:"));
        assertThat(forwardRules()).anyMatch(l -> l.contains("-i " + BRIDGE + " -o " + BRIDGE) && l.endsWith("-j DROP"));
    }

    private static String rulesOrNone() {
        try {
            return String.join("\n", forwardRules());
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static List<String> forwardRules() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("iptables", "-w", "-S", "FORWARD").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.lines().toList();
    }
}
