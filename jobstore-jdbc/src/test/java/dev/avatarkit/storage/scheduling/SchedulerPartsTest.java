package dev.avatarkit.storage.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.storage.jdbc.JobDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulerPartsTest {
    @Test
    void givenDefaults_whenBuilt_thenPinned() {
        var sqlite = DbSchedulerStepScheduler.Settings.defaults(JobDatabase.Dialect.SQLITE);
        var postgres = DbSchedulerStepScheduler.Settings.defaults(JobDatabase.Dialect.POSTGRESQL);

        assertThat(sqlite.threads()).isEqualTo(8);
        assertThat(postgres.threads()).isEqualTo(10);
        assertThat(sqlite.pollingInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(sqlite.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sqlite.shutdownWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sqlite.stepRetryMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sqlite.busyWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sqlite.name()).startsWith("avatarkit-");
    }

    @Test
    void givenAStepDueBetweenMilliseconds_whenItsWakeUpIsPlanned_thenItFiresAfterTheStepIsDue() {
        Instant now = Instant.parse("2025-01-01T00:00:01.000900Z");
        Instant due = now.plusNanos(200_400_000); // 1.2013 s: truncated to milliseconds it looked due at 1.200 s

        long fireAtMillis = LocalWakeUps.slot(due, now) * LocalWakeUps.GRID_MILLIS;

        assertThat(Instant.ofEpochMilli(fireAtMillis)).isAfter(due);
        assertThat(fireAtMillis - due.toEpochMilli()).isLessThanOrEqualTo(LocalWakeUps.GRID_MILLIS + 1);
    }

    @Test
    void givenAStepDueNowOrPast_whenItsWakeUpIsPlanned_thenItFiresWithinAGridStep() {
        Instant now = Instant.parse("2025-01-01T00:00:01.005Z");

        long fireAtMillis = LocalWakeUps.slot(now.minusSeconds(3), now) * LocalWakeUps.GRID_MILLIS;

        assertThat(fireAtMillis - now.toEpochMilli()).isBetween(1L, LocalWakeUps.GRID_MILLIS + 1);
    }

    @Test
    void givenFailures_whenBackingOff_thenDoublesUpToTheCap() {
        var backoff = new FailedStepRetry<Void>(Duration.ofSeconds(1), Duration.ofMinutes(5));

        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void givenTwoTimes_whenEarliest_thenNullMeansNone() {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(FailedStepRetry.earliest(null, t)).isEqualTo(t);
        assertThat(FailedStepRetry.earliest(t, t.plusSeconds(1))).isEqualTo(t);
        assertThat(FailedStepRetry.earliest(null, null)).isNull();
    }

    @Test
    void givenTaskData_whenSerialized_thenRefused() {
        var serializer = new NoDataSerializer();

        assertThat(serializer.serialize(null)).isNull();
        assertThat(serializer.deserialize(Void.class, null)).isNull();
        assertThatThrownBy(() -> serializer.serialize("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> serializer.deserialize(String.class, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
