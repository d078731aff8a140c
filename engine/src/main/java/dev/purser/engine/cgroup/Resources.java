package dev.purser.engine.cgroup;

/**
 * A container's resource limits with Docker's meanings; 0 means "not set" for every field.
 *
 * @param memory      bytes ({@code --memory})
 * @param memorySwap  memory plus swap in bytes ({@code --memory-swap}); -1 is unlimited swap, and
 *                    when unset while memory is set Docker allows as much swap as memory (2x)
 * @param cpuShares   relative weight ({@code --cpu-shares}, default 1024 when unset)
 * @param nanoCpus    CPUs in billionths ({@code --cpus 1.5} is 1_500_000_000)
 * @param pidsLimit   maximum processes ({@code --pids-limit}); negative means unlimited
 */
public record Resources(long memory, long memorySwap, long cpuShares, long nanoCpus, long pidsLimit) {
    /** CFS period Docker uses with {@code --cpus}: 100ms. */
    public static final long CFS_PERIOD_US = 100_000;

    public static Resources none() {
        return new Resources(0, 0, 0, 0, 0);
    }

    /** Docker's rule (adaptContainerSettings): swap unset with memory set becomes 2 x memory. */
    public long effectiveMemorySwap() {
        if (memory > 0 && memorySwap == 0) {
            return memory * 2;
        }
        return memorySwap;
    }

    /** The CFS quota for {@code nanoCpus} over {@link #CFS_PERIOD_US}, as Docker computes it. */
    public long cfsQuotaUs() {
        return nanoCpus * CFS_PERIOD_US / 1_000_000_000L;
    }

    /**
     * cgroup v2's cpu.weight for v1-style shares: the curve runc and containerd use, which maps
     * 2 to 1, 1024 to 100 (both defaults) and 262144 to 10000.
     */
    public static long sharesToWeight(long shares) {
        if (shares == 0) {
            return 0;
        }
        if (shares <= 2) {
            return 1;
        }
        if (shares >= 262144) {
            return 10000;
        }
        double l = Math.log(shares) / Math.log(2);
        double exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
        return (long) Math.ceil(Math.pow(10, exponent));
    }
}
