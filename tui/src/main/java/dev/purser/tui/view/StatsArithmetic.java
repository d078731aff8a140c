package dev.purser.tui.view;

import com.fasterxml.jackson.databind.JsonNode;

/** docker/cli's arithmetic on a stats document, for {@code purser stats} and the dashboard's Stats tab. */
public final class StatsArithmetic {
    private StatsArithmetic() {}

    /** docker/cli calculateCPUPercentUnix: container CPU delta over system CPU delta, times online CPUs. */
    public static double cpuPercent(JsonNode s) {
        JsonNode cpu = s.path("cpu_stats");
        JsonNode pre = s.path("precpu_stats");
        double cpuDelta = cpu.path("cpu_usage").path("total_usage").asDouble() - pre.path("cpu_usage").path("total_usage").asDouble();
        double systemDelta = cpu.path("system_cpu_usage").asDouble() - pre.path("system_cpu_usage").asDouble();
        double online = cpu.path("online_cpus").asDouble();
        if (online == 0) online = cpu.path("cpu_usage").path("percpu_usage").size();
        if (systemDelta > 0 && cpuDelta > 0) return cpuDelta / systemDelta * online * 100.0;
        return 0;
    }

    /** docker/cli calculateMemUsageUnixNoCache: usage minus inactive file pages (cgroup v1 or v2). */
    public static double memoryNoCache(JsonNode mem) {
        long usage = mem.path("usage").asLong();
        JsonNode stats = mem.path("stats");
        if (stats.has("total_inactive_file") && stats.get("total_inactive_file").asLong() < usage) {
            return usage - stats.get("total_inactive_file").asLong();
        }
        long inactive = stats.path("inactive_file").asLong();
        if (inactive < usage) return usage - inactive;
        return usage;
    }
}
