package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.cli.output.CliHints;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.testkit.jobs.JobSamples;
import org.junit.jupiter.api.Test;

/** Core's errors carry codes; the CLI turns them into the command to run next. */
class CliHintsTest {
    private final Job queued = JobSamples.queued(JobSamples.id(1));

    @Test
    void givenATimedOutRender_thenTheHintIsARetryThatDoesNotPayTwice() {
        Job failed = queued.failed(JobState.FAILED, new JobError("render_timeout", "too slow", true), JobSamples.T0);
        assertThat(CliHints.of(failed))
                .hasValue("`avatarkit jobs retry " + failed.id()
                        + "` polls the same render again; nothing is paid twice");
    }

    @Test
    void givenAnAmbiguousCreate_thenTheHintWarnsThatARetryPaysAgain() {
        Job attention =
                queued.failed(JobState.NEEDS_ATTENTION, new JobError("outcome_unknown", "?", false), JobSamples.T0);
        assertThat(CliHints.of(attention))
                .hasValueSatisfying(h -> assertThat(h).contains("dashboard").contains("pays) again"));
    }

    @Test
    void givenABadInputOrASuccess_thenNoHint() {
        assertThat(CliHints.of(queued.failed(
                        JobState.FAILED, new JobError("invalid_request", "bad avatar", false), JobSamples.T0)))
                .isEmpty();
        assertThat(CliHints.of(queued)).isEmpty();
    }
}
