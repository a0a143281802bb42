package dev.avatarkit.http.dashboard;

import static dev.avatarkit.testkit.jobs.JobSamples.T0;
import static dev.avatarkit.testkit.jobs.JobSamples.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import dev.avatarkit.testkit.jobs.JobSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobViewTimelineTest {
    private final Job job = JobSamples.queued(id(1)).withState(JobState.FAILED, T0.plusSeconds(3));

    @Test
    void givenHistory_whenRendered_thenOneItemPerStepOldestFirst_withProviderWordAndErrorEscaped() {
        String html = JobView.timeline(
                job,
                List.of(
                        new JobTransition(T0, JobState.QUEUED, null, null, null),
                        new JobTransition(T0.plusSeconds(2), JobState.RENDERING, "<b>processing</b>", null, null),
                        new JobTransition(
                                T0.plusSeconds(3),
                                JobState.FAILED,
                                "failed",
                                "render_failed",
                                "bad <script>x()</script>")));

        assertThat(html.split("<li>", -1)).hasSize(4);
        assertThat(html)
                .containsSubsequence(
                        "2025-03-01 10:00:00 UTC",
                        "QUEUED",
                        "10:00:02 UTC",
                        "RENDERING",
                        "(provider: &lt;b&gt;processing&lt;/b&gt;)",
                        "10:00:03 UTC",
                        "FAILED",
                        "(provider: failed)",
                        "bad &lt;script&gt;x()&lt;/script&gt;",
                        "(render_failed)");
        assertThat(html).doesNotContain("<script>", "<b>");
    }

    @Test
    void givenNoStoredHistory_whenRendered_thenCreationAndCurrentState() {
        String html = JobView.timeline(job, List.of());

        assertThat(html).containsSubsequence("created (QUEUED)", "10:00:03 UTC", "FAILED");
    }
}
