package dev.purser.engine.cgroup;

import java.util.List;

/**
 * What {@code docker stats} and the OOM check need from a group. {@code memoryLimit} is
 * {@link Long#MAX_VALUE} or the kernel's huge v1 value when unlimited; {@code perCpuUsageNanos}
 * is empty on v2, which does not report it.
 */
public record CgroupStats(long memoryUsage, long memoryLimit, long cpuUsageNanos, List<Long> perCpuUsageNanos,
        long pidsCurrent, long oomKills) {}
