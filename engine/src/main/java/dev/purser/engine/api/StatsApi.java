package dev.purser.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purser.engine.cgroup.CgroupStats;
import dev.purser.engine.container.Container;
import dev.purser.engine.container.Containers;
import dev.purser.engine.container.DockerJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /containers/{id}/stats}: Docker's stats documents from the container's cgroup.
 * Like Docker, a non-streamed request takes two samples a second apart so a client can compute
 * CPU percentages from {@code cpu_stats} and {@code precpu_stats}; {@code one-shot} takes one.
 */
final class StatsApi {
    private static final long SAMPLE_MILLIS = 1000;
    private final Containers containers;
    private final ObjectMapper json = DockerJson.mapper();

    StatsApi(Containers containers) {
        this.containers = containers;
    }

    void register(Router router) {
        router.add("GET", "/containers/{id}/stats", this::stats);
    }

    private record Sample(Instant read, Optional<CgroupStats> cgroup, long systemNanos) {}

    private Sample sample(String id) {
        return new Sample(Instant.now(), containers.stats().sample(id), systemCpuNanos());
    }

    private void stats(Exchange x) throws InterruptedException {
        Container c = containers.get(x.param("id"));
        boolean stream = x.queryBool("stream", true);
        boolean oneShot = x.queryBool("one-shot", false);
        try (Exchange.ResponseStream out = x.stream(200, "application/json")) {
            Sample previous = oneShot ? null : sample(c.id());
            if (!stream && !oneShot) {
                Thread.sleep(SAMPLE_MILLIS);
            }
            do {
                Sample now = sample(c.id());
                out.write(document(c, now, previous).toString() + "\n");
                previous = now;
                if (stream) {
                    Thread.sleep(SAMPLE_MILLIS);
                }
            } while (stream && out.isOpen());
        }
    }

    private ObjectNode document(Container c, Sample now, Sample previous) {
        ObjectNode n = json.createObjectNode();
        n.put("read", now.read().toString());
        n.put("preread", previous == null ? "0001-01-01T00:00:00Z" : previous.read().toString());
        CgroupStats s = now.cgroup().orElse(null);
        ObjectNode pids = n.putObject("pids_stats");
        if (s != null) {
            pids.put("current", s.pidsCurrent());
        }
        ObjectNode blkio = n.putObject("blkio_stats");
        blkio.putNull("io_service_bytes_recursive");
        n.put("num_procs", 0);
        n.putObject("storage_stats");
        n.set("cpu_stats", cpu(s, now.systemNanos()));
        n.set("precpu_stats", cpu(previous == null ? null : previous.cgroup().orElse(null),
                previous == null ? 0 : previous.systemNanos()));
        ObjectNode memory = n.putObject("memory_stats");
        if (s != null) {
            memory.put("usage", s.memoryUsage());
            memory.putObject("stats");
            memory.put("limit", s.memoryLimit() > 0 && s.memoryLimit() < Long.MAX_VALUE / 2 ? s.memoryLimit() : totalMemory());
        }
        n.put("name", c.name());
        n.put("id", c.id());
        return n;
    }

    private ObjectNode cpu(CgroupStats s, long systemNanos) {
        ObjectNode cpu = json.createObjectNode();
        ObjectNode usage = cpu.putObject("cpu_usage");
        usage.put("total_usage", s == null ? 0 : s.cpuUsageNanos());
        if (s != null && s.perCpuUsageNanos() != null && !s.perCpuUsageNanos().isEmpty()) {
            usage.set("percpu_usage", json.valueToTree(s.perCpuUsageNanos()));
        }
        usage.put("usage_in_kernelmode", 0);
        usage.put("usage_in_usermode", 0);
        if (s != null) {
            cpu.put("system_cpu_usage", systemNanos);
            cpu.put("online_cpus", Runtime.getRuntime().availableProcessors());
        }
        ObjectNode throttling = cpu.putObject("throttling_data");
        throttling.put("periods", 0);
        throttling.put("throttled_periods", 0);
        throttling.put("throttled_time", 0);
        return cpu;
    }

    /** The host's total CPU time from /proc/stat, in nanoseconds, as Docker computes system_cpu_usage. */
    static long systemCpuNanos() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    long ticks = 0;
                    List<String> fields = List.of(line.trim().split("\\s+"));
                    for (int i = 1; i < Math.min(fields.size(), 8); i++) {
                        ticks += Long.parseLong(fields.get(i));
                    }
                    // USER_HZ is 100 on Linux
                    return ticks * 10_000_000L;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static long totalMemory() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }
}
