package dev.purser.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Docker's restart backoff: 100 ms, doubling, at most a minute, reset by a run of ten seconds. */
class RestartBackoffTest {
    static final HostConfig.RestartPolicy ALWAYS = new HostConfig.RestartPolicy("always", 0);
    static final Duration SHORT_RUN = Duration.ofMillis(5);

    private static Optional<Duration> exit(RestartBackoff b, HostConfig.RestartPolicy policy, int code, Duration ran) {
        return b.next(policy, code, 0, false, ran);
    }

    @Test
    void firstRestartComesAfter100Milliseconds() {
        assertThat(exit(new RestartBackoff(), ALWAYS, 0, SHORT_RUN)).contains(Duration.ofMillis(100));
    }

    @Test
    void eachFurtherRestartWaitsTwiceAsLong() {
        RestartBackoff b = new RestartBackoff();
        exit(b, ALWAYS, 0, SHORT_RUN);
        assertThat(exit(b, ALWAYS, 0, SHORT_RUN)).contains(Duration.ofMillis(200));
        assertThat(exit(b, ALWAYS, 0, SHORT_RUN)).contains(Duration.ofMillis(400));
        assertThat(exit(b, ALWAYS, 0, SHORT_RUN)).contains(Duration.ofMillis(800));
    }

    @Test
    void delayStopsGrowingAtOneMinute() {
        RestartBackoff b = new RestartBackoff();
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < 20; i++) {
            last = exit(b, ALWAYS, 0, SHORT_RUN);
        }
        assertThat(last).contains(Duration.ofMinutes(1));
    }

    @Test
    void aRunOfTenSecondsResetsTheDelay() {
        RestartBackoff b = new RestartBackoff();
        exit(b, ALWAYS, 0, SHORT_RUN);
        exit(b, ALWAYS, 0, SHORT_RUN);
        assertThat(exit(b, ALWAYS, 0, Duration.ofSeconds(10))).contains(Duration.ofMillis(100));
    }

    @Test
    void aRunJustUnderTenSecondsKeepsDoubling() {
        RestartBackoff b = new RestartBackoff();
        exit(b, ALWAYS, 0, SHORT_RUN);
        assertThat(exit(b, ALWAYS, 0, Duration.ofMillis(9_999))).contains(Duration.ofMillis(200));
    }

    @Test
    void noPolicyNeverRestarts() {
        assertThat(exit(new RestartBackoff(), HostConfig.RestartPolicy.NO, 1, SHORT_RUN)).isEmpty();
    }

    @Test
    void onFailureRestartsOnlyANonZeroExit() {
        HostConfig.RestartPolicy onFailure = new HostConfig.RestartPolicy("on-failure", 0);
        assertThat(exit(new RestartBackoff(), onFailure, 0, SHORT_RUN)).isEmpty();
        assertThat(exit(new RestartBackoff(), onFailure, 3, SHORT_RUN)).contains(Duration.ofMillis(100));
    }

    @Test
    void onFailureStopsAtItsRetryLimit() {
        HostConfig.RestartPolicy twice = new HostConfig.RestartPolicy("on-failure", 2);
        assertThat(new RestartBackoff().next(twice, 1, 1, false, SHORT_RUN)).isPresent();
        assertThat(new RestartBackoff().next(twice, 1, 2, false, SHORT_RUN)).isEmpty();
    }

    @Test
    void aContainerStoppedByHandIsNotRestarted() {
        assertThat(new RestartBackoff().next(ALWAYS, 0, 0, true, SHORT_RUN)).isEmpty();
    }

    @Test
    void unlessStoppedRestartsLikeAlways() {
        HostConfig.RestartPolicy unless = new HostConfig.RestartPolicy("unless-stopped", 0);
        assertThat(exit(new RestartBackoff(), unless, 0, SHORT_RUN)).contains(Duration.ofMillis(100));
    }

    @Test
    void anExitThatStaysDownStartsTheNextBackoffAfresh() {
        RestartBackoff b = new RestartBackoff();
        exit(b, ALWAYS, 0, SHORT_RUN);
        exit(b, ALWAYS, 0, SHORT_RUN);
        b.next(ALWAYS, 0, 0, true, SHORT_RUN);
        assertThat(exit(b, ALWAYS, 0, SHORT_RUN)).contains(Duration.ofMillis(100));
    }
}
