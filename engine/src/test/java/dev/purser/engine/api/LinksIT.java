package dev.purser.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purser.engine.testing.BusyboxImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --link} through a real daemon and the stock docker CLI: the book's web and web_test pair, Docker's variables, hosts and errors. */
class LinksIT {
    /** busybox httpd serving a page; the linker retries for up to ten seconds while it comes up. */
    private static final String SERVE = "mkdir -p /www && echo hello from web > /www/index.html && exec httpd -f -p 80 -h /www";
    /** The refusals while httpd comes up are not shown (a loaded host sees some); the last try's error is. */
    private static final String FETCH = "for i in $(seq 1 100); do wget -q -O - http://web:80/ 2>/dev/null && exit 0; sleep 0.1; done; "
            + "exec wget -q -O - http://web:80/";

    Path root;
    Path socket;
    Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        root = Files.createDirectories(Path.of("/tmp/purser-it", "links-" + UUID.randomUUID().toString().substring(0, 8)));
        socket = root.resolve("purser.sock");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Daemon.class.getName(),
                "--root", root.resolve("state").toString(), "-H", "unix://" + socket, "--cgroup-parent", "purser-it");
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("daemon.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(socket) && docker("version").exitCode == 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the daemon did not come up:\n" + Files.readString(root.resolve("daemon.log")));
            }
            daemon.waitFor(100, TimeUnit.MILLISECONDS);
        }
        Path tar = root.resolve("busybox.tar");
        Files.write(tar, BusyboxImage.rootfsTar());
        assertThat(docker("import", tar.toString(), "busybox:latest").exitCode).isZero();
    }

    @AfterEach
    void stopDaemon() throws Exception {
        for (String id : docker("ps", "-aq").out.lines().toList()) {
            docker("rm", "-f", id);
        }
        daemon.destroy();
        daemon.waitFor(30, TimeUnit.SECONDS);
    }

    record Result(int exitCode, String out) {}

    private Result docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", "unix://" + socket);
        pb.environment().put("DOCKER_CONFIG", root.resolve("docker-config").toString());
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return new Result(p.exitValue(), out.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String webAddress() {
        return docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").out;
    }

    @Test
    void linkedContainerFetchesTheWebPageByTheLinksName() {
        assertThat(docker("run", "-d", "--name", "web", "busybox", "sh", "-c", SERVE).exitCode).isZero();
        Result fetched = docker("run", "--rm", "--name", "web_test", "--link", "web:web", "busybox", "sh", "-c", FETCH);
        assertThat(fetched.out).isEqualTo("hello from web");
        assertThat(fetched.exitCode).isZero();
    }

    @Test
    void linkVariablesHaveDockersNames() {
        docker("run", "-d", "--name", "web", "--expose", "80", "-e", "GREETING=hi", "busybox", "sleep", "1000");
        String ip = webAddress();
        List<String> env = docker("run", "--rm", "--name", "web_test", "--link", "web:web", "busybox", "env").out.lines().toList();
        assertThat(env).contains("WEB_PORT=tcp://" + ip + ":80", "WEB_PORT_80_TCP=tcp://" + ip + ":80",
                "WEB_PORT_80_TCP_ADDR=" + ip, "WEB_PORT_80_TCP_PORT=80", "WEB_PORT_80_TCP_PROTO=tcp",
                "WEB_NAME=/web_test/web", "WEB_ENV_GREETING=hi");
        assertThat(env).noneMatch(e -> e.startsWith("WEB_ENV_PATH=") || e.startsWith("WEB_ENV_HOME="));
    }

    @Test
    void execInTheLinkerSeesTheLinkVariables() {
        docker("run", "-d", "--name", "web", "--expose", "80", "busybox", "sleep", "1000");
        docker("run", "-d", "--name", "web_test", "--link", "web:web", "busybox", "sleep", "1000");
        assertThat(docker("exec", "web_test", "sh", "-c", "echo $WEB_NAME $WEB_PORT_80_TCP_ADDR").out)
                .isEqualTo("/web_test/web " + webAddress());
    }

    @Test
    void hostsFileNamesTheTargetByAliasHostnameAndName() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        String ip = webAddress();
        String hostname = docker("inspect", "-f", "{{.Config.Hostname}}", "web").out;
        String hosts = docker("run", "--rm", "--link", "web:site", "busybox", "cat", "/etc/hosts").out;
        assertThat(hosts.lines()).contains(ip + "\tsite " + hostname + " web");
    }

    @Test
    void inspectShowsTheLinkAsDockerStoresIt() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        docker("create", "--name", "web_test", "--link", "web", "busybox", "true");
        assertThat(docker("inspect", "-f", "{{json .HostConfig.Links}}", "web_test").out).isEqualTo("[\"/web:/web_test/web\"]");
    }

    @Test
    void renamedTargetIsStillLinkedUnderItsNewName() throws IOException {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        docker("create", "--name", "web_test", "--link", "web:site", "busybox", "cat", "/etc/hosts");
        assertThat(docker("rename", "web", "server").exitCode).isZero();
        JsonNode links = new ObjectMapper().readTree(docker("inspect", "web_test").out).get(0).path("HostConfig").path("Links");
        assertThat(links.get(0).asText()).isEqualTo("/server:/web_test/site");
        String hosts = docker("start", "-a", "web_test").out;
        assertThat(hosts).contains("\tsite ").contains(" server");
    }

    @Test
    void linkToAMissingContainerIsRefusedAtCreate() {
        Result r = docker("run", "--rm", "--link", "nothere:db", "busybox", "true");
        assertThat(r.exitCode).isEqualTo(125);
        assertThat(r.out).contains("could not get container for nothere");
        assertThat(docker("ps", "-aq").out).isEmpty();
    }

    @Test
    void linkToAStoppedContainerFailsAtStart() {
        docker("create", "--name", "web", "busybox", "true");
        Result r = docker("run", "--name", "web_test", "--link", "web:web", "busybox", "true");
        assertThat(r.exitCode).isEqualTo(125);
        assertThat(r.out).contains("Cannot link to a non running container: /web AS /web_test/web");
    }

    @Test
    void linkWithTheHostsNetworkIsAConflict() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        Result r = docker("run", "--rm", "--net", "host", "--link", "web", "busybox", "true");
        assertThat(r.exitCode).isEqualTo(125);
        assertThat(r.out).contains("conflicting options: host type networking can't be used with links");
    }

    @Test
    void linkWithoutANetworkIsRefused() {
        docker("run", "-d", "--name", "web", "busybox", "sleep", "1000");
        Result r = docker("run", "--rm", "--net", "none", "--link", "web", "busybox", "true");
        assertThat(r.exitCode).isEqualTo(125);
        assertThat(r.out).contains("none type networking can't be used with links");
    }

    @Test
    void linkToAContainerOnTheHostsNetworkIsAConflict() {
        docker("run", "-d", "--name", "web", "--net", "host", "busybox", "sleep", "1000");
        Result r = docker("run", "--rm", "--link", "web", "busybox", "true");
        assertThat(r.exitCode).isEqualTo(125);
        assertThat(r.out).contains("conflicting options: host type networking can't be used with links");
    }
}
