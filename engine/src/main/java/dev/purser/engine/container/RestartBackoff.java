package dev.purser.engine.container;

import java.time.Duration;
import java.util.Optional;

/**
 * Docker's restart policies and their backoff for one container: the first restart comes after
 * 100 ms, each further one after twice the previous delay, at most one minute; a run of ten
 * seconds or more resets the delay.
 */
final class RestartBackoff {
    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofMinutes(1);
    static final Duration RESET_AFTER = Duration.ofSeconds(10);

    private Duration delay = Duration.ZERO;

    /** The delay before restarting, or empty when the policy says the container stays down. */
    synchronized Optional<Duration> next(HostConfig.RestartPolicy policy, int exitCode, int restartCount,
            boolean stoppedByHand, Duration ran) {
        if (!applies(policy, exitCode, restartCount, stoppedByHand)) {
            delay = Duration.ZERO;
            return Optional.empty();
        }
        if (ran.compareTo(RESET_AFTER) >= 0) {
            delay = Duration.ZERO;
        }
        delay = delay.isZero() ? FIRST : delay.multipliedBy(2);
        if (delay.compareTo(MAX) > 0) {
            delay = MAX;
        }
        return Optional.of(delay);
    }

    static boolean applies(HostConfig.RestartPolicy policy, int exitCode, int restartCount, boolean stoppedByHand) {
        if (stoppedByHand) {
            return false;
        }
        return switch (policy.name()) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0
                    && (policy.maximumRetryCount() <= 0 || restartCount < policy.maximumRetryCount());
            default -> false;
        };
    }
}
