package dev.avatarkit.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchProgressTest {
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void givenHalfFinishedInTwoMinutes_thenOnePerMinuteAndTwoMinutesLeft() {
        BatchProgress p = BatchProgress.of(
                Map.of(JobState.SUCCEEDED, 1, JobState.FAILED, 1, JobState.RENDERING, 2),
                START,
                START.plus(Duration.ofMinutes(2)));

        assertThat(p.total()).isEqualTo(4);
        assertThat(p.finished()).isEqualTo(2);
        assertThat(p.perMinute()).isEqualTo(1.0);
        assertThat(p.eta()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.render("batch-progress"))
                .contains("2 of 4 finished")
                .contains("1.0 jobs/min")
                .contains("about 2 min left")
                .contains("<progress id=\"batch-progress\" max=\"4\" value=\"2\">");
    }

    @Test
    void givenNothingFinishedYet_thenNoRateAndNoGuess() {
        BatchProgress p = BatchProgress.of(Map.of(JobState.QUEUED, 5), START, START.plusSeconds(30));

        assertThat(p.eta()).isNull();
        assertThat(p.render("batch-progress"))
                .contains("0 of 5 finished")
                .contains("waiting for the first job to finish");
    }

    @Test
    void givenEverythingFinished_thenDoneWithoutATimeLeft() {
        BatchProgress p = BatchProgress.of(Map.of(JobState.SUCCEEDED, 5), START, START.plusSeconds(60));

        assertThat(p.done()).isTrue();
        assertThat(p.eta()).isNull();
        assertThat(p.render("batch-progress")).contains("5 of 5 finished").contains("5.0 jobs/min · finished");
    }

    @Test
    void givenDurations_thenReadable() {
        assertThat(BatchProgress.human(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(BatchProgress.human(Duration.ofMinutes(12))).isEqualTo("12 min");
        assertThat(BatchProgress.human(Duration.ofMinutes(150))).isEqualTo("2.5 h");
    }
}
