package dev.purser.tui.dashboard.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.purser.tui.view.StatsArithmetic;

/** One stats reading of a container, computed as {@code docker stats} computes it. */
public record StatsSample(double cpuPercent, double memory, double memoryLimit, long pids) {
    public static StatsSample of(JsonNode stats) {
        return new StatsSample(StatsArithmetic.cpuPercent(stats), StatsArithmetic.memoryNoCache(stats.path("memory_stats")),
                stats.path("memory_stats").path("limit").asDouble(), stats.path("pids_stats").path("current").asLong());
    }
}
