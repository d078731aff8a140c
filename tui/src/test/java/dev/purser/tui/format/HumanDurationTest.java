package dev.purser.tui.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {
    @Test void underOneSecond() { assertThat(HumanDuration.of(Duration.ofMillis(400))).isEqualTo("Less than a second"); }

    @Test void oneSecondIsSingular() { assertThat(HumanDuration.of(Duration.ofSeconds(1))).isEqualTo("1 second"); }

    @Test void seconds() { assertThat(HumanDuration.of(Duration.ofSeconds(5))).isEqualTo("5 seconds"); }

    @Test void aboutAMinute() { assertThat(HumanDuration.of(Duration.ofSeconds(100))).isEqualTo("About a minute"); }

    @Test void minutes() { assertThat(HumanDuration.of(Duration.ofMinutes(2))).isEqualTo("2 minutes"); }

    @Test void aboutAnHourRoundsToNearestHour() { assertThat(HumanDuration.of(Duration.ofMinutes(89))).isEqualTo("About an hour"); }

    @Test void hours() { assertThat(HumanDuration.of(Duration.ofHours(5))).isEqualTo("5 hours"); }

    @Test void days() { assertThat(HumanDuration.of(Duration.ofDays(3))).isEqualTo("3 days"); }

    @Test void weeks() { assertThat(HumanDuration.of(Duration.ofDays(20))).isEqualTo("2 weeks"); }

    @Test void months() { assertThat(HumanDuration.of(Duration.ofDays(90))).isEqualTo("3 months"); }

    @Test void years() { assertThat(HumanDuration.of(Duration.ofDays(800))).isEqualTo("2 years"); }

    @Test void agoAppendsSuffix() { assertThat(HumanDuration.ago(Duration.ofMinutes(2))).isEqualTo("2 minutes ago"); }
}
