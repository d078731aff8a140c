package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.purser.engine.testing.ContainerRemains;
import dev.purser.engine.testing.DaemonProcess;
import dev.purser.engine.testing.HostProcesses;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A daemon killed with SIGKILL at random points of a few hundred lifecycle operations, and
 * started again each time, is consistent after every restart: each container's record agrees
 * with the host (a running one has its process, in its cgroup, on its mount; any other has no
 * process, mount or cgroup), no removal is left half-done, no directory is without a record, and
 * every log reads. Seeded: {@code -Dpurser.crash.seed=N} replays a failure (the seed is printed).
 */
class CrashConsistencyIT {
    static final int OPERATIONS = 240;
    /** One operation in this many has the daemon killed while it runs. */
    static final int KILL_ONE_IN = 20;
    static final String LOOP = "i=0; while true; do echo line $i; i=$((i+1)); sleep 0.05; done";

    DaemonProcess daemon;
    final List<String> ids = new ArrayList<>();

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
        ids.forEach(id -> HostProcesses.kill(HostProcesses.mentioning(id)));
    }

    @Test
    void everyRestartAfterAKillAtARandomPointIsConsistent() throws Exception {
        long seed = Long.getLong("purser.crash.seed", System.nanoTime());
        System.out.println("crash consistency: seed " + seed + " (replay with -Dpurser.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path dir = Path.of("/tmp/purser-it", "crash-" + UUID.randomUUID().toString().substring(0, 8));
        daemon = DaemonProcess.start(dir, Map.of());
        daemon.importBusybox();
        int kills = 0;
        List<String> problems = new ArrayList<>();
        for (int op = 0; op < OPERATIONS && problems.isEmpty(); op++) {
            boolean kill = random.nextInt(KILL_ONE_IN) == 0;
            int killAfterMillis = random.nextInt(300);
            String[] command = nextCommand(random);
            CompletableFuture<DaemonProcess.Result> running = CompletableFuture.supplyAsync(() -> daemon.docker(command));
            if (kill) {
                Thread.sleep(killAfterMillis); // the random point: how far into the operation the kill lands
                daemon.kill();
                kills++;
            }
            DaemonProcess.Result r = running.get(150, TimeUnit.SECONDS);
            if (command[0].equals("create") && r.exitCode() == 0) {
                ids.add(r.line());
            }
            if (kill) {
                daemon.launch(Map.of());
                problems.addAll(inconsistencies("after kill " + kills + " (operation " + op + ": "
                        + String.join(" ", command) + ")"));
            }
        }
        problems.addAll(inconsistencies("at the end"));
        System.out.printf("crash consistency: seed %d, %d operations, %d kills, %d containers, %d inconsistencies%n",
                seed, OPERATIONS, kills, ids.size(), problems.size());
        assertThat(problems).as("inconsistencies (seed " + seed + ")").isEmpty();
    }

    private String[] nextCommand(Random random) {
        if (ids.size() < 3 || random.nextInt(8) == 0) {
            String policy = List.of("no", "no", "always", "unless-stopped", "on-failure").get(random.nextInt(5));
            return new String[] {"create", "--restart", policy, "busybox", "sh", "-c", LOOP};
        }
        String id = ids.get(random.nextInt(ids.size()));
        return switch (random.nextInt(9)) {
            case 0, 1 -> new String[] {"start", id};
            case 2 -> new String[] {"stop", "-t", "1", id};
            case 3 -> new String[] {"kill", id};
            case 4 -> new String[] {"restart", "-t", "0", id};
            case 5 -> new String[] {"rm", "-f", id};
            case 6 -> new String[] {"pause", id};
            case 7 -> new String[] {"unpause", id};
            default -> new String[] {"exec", id, "echo", "hi"};
        };
    }

    /** What disagrees between the records and the host, one line each. */
    private List<String> inconsistencies(String when) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> listed = daemon.docker("ps", "-aq", "--no-trunc").out().lines().toList();
        Map<String, String[]> states = new java.util.HashMap<>();
        if (!listed.isEmpty()) {
            List<String> inspect = new ArrayList<>(List.of("container", "inspect", "-f",
                    "{{.Id}} {{.State.Status}} {{.State.Pid}}"));
            inspect.addAll(listed);
            daemon.docker(inspect.toArray(String[]::new)).out().lines()
                    .map(l -> l.split(" ")).forEach(f -> states.put(f[0], f));
        }
        for (String id : ids) {
            if (!listed.contains(id)) {
                ContainerRemains.after10s(daemon.state(), id).forEach(r -> out.add(when + ": removed " + id + " left " + r));
                continue;
            }
            String status = states.get(id)[1];
            int pid = Integer.parseInt(states.get(id)[2]);
            if (status.equals("running") || status.equals("paused")) {
                if (!Files.readString(Path.of("/proc/" + pid + "/cgroup")).contains(id)) {
                    out.add(when + ": " + id + " is " + status + " as pid " + pid + ", which is not in its cgroup");
                }
                if (ContainerRemains.mountsOf(id).isEmpty()) {
                    out.add(when + ": " + id + " is " + status + " without its root filesystem mounted");
                }
            } else if (status.equals("removing")) {
                out.add(when + ": " + id + " is still being removed");
            } else {
                ContainerRemains.runtimeAfter10s(id).forEach(r -> out.add(when + ": " + id + " is " + status + " but left " + r));
            }
            unreadableLogLines(id).forEach(l -> out.add(when + ": the log of " + id + " has an unreadable line: " + l));
        }
        try (Stream<Path> dirs = Files.list(daemon.state().resolve("containers"))) {
            dirs.map(d -> d.getFileName().toString()).filter(d -> !listed.contains(d))
                    .forEach(d -> out.add(when + ": directory " + d + " has no record"));
        }
        return out;
    }

    /** Lines of the container's json-file log that are not a whole record of what it printed. */
    private List<String> unreadableLogLines(String id) throws IOException {
        Path log = daemon.state().resolve("containers").resolve(id).resolve(id + "-json.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            try {
                if (!json.readTree(line).path("log").asText().matches("line [0-9]+\n")) {
                    bad.add(line);
                }
            } catch (IOException e) {
                bad.add(line);
            }
        }
        return bad;
    }
}
