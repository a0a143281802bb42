package dev.avatarkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.testkit.jobs.JobSamples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StateChangeLinesTest {
    private static final Instant T = JobSamples.T0;
    private final StateChangeLines lines = new StateChangeLines();

    @Test
    void givenFreshQueuedAndSubmitting_thenNoLine() {
        Job queued = JobSamples.queued(JobSamples.id(1));

        assertThat(lines.next(queued)).isEmpty();
        assertThat(lines.next(queued.submitting(T))).isEmpty();
    }

    @Test
    void givenQueuedWithAnError_thenItIsNewsAndShown() {
        Job limited = JobSamples.queued(JobSamples.id(1)).withError(new JobError("rate_limited", "429", true), T);

        assertThat(lines.next(limited)).hasValueSatisfying(l -> assertThat(l).contains("QUEUED", "rate_limited"));
    }

    @Test
    void givenSameStateAndStatusAgain_thenOneLine() {
        Job rendering = JobSamples.queued(JobSamples.id(1))
                .rendering(new ProviderRef("v1"), "pending", T, T, T.plusSeconds(60));
        Job downloading = rendering.polled("completed", T, T).entering(JobState.DOWNLOADING, T);

        assertThat(lines.next(rendering)).isPresent();
        assertThat(lines.next(rendering.polled("pending", T, T))).isEmpty();
        assertThat(lines.next(rendering.polled("processing", T, T))).isPresent();
        assertThat(lines.next(downloading))
                .hasValueSatisfying(l -> assertThat(l).contains("DOWNLOADING (completed)"));
        assertThat(lines.next(downloading.withVersion(7))).isEmpty();
        assertThat(lines.next(downloading.withState(JobState.SUCCEEDED, T))).isPresent();
    }
}
