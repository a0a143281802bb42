package dev.avatarkit.core.domain;

import static dev.avatarkit.testkit.jobs.JobSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.testkit.jobs.JobSamples;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 14: Job's fields live in a few groups; each transition changes only the groups it is about. */
class JobGroupsTest {
    private static final Instant NOW = T0.plusSeconds(100);
    private final JobId parent = JobSamples.id(1);
    private final Job job = JobSamples.everyField(JobSamples.id(2), parent);

    @Test
    void givenAJobWithEveryField_whenReadThroughItsOldAccessors_thenEachDelegatesToItsGroup() {
        assertThat(job.providerRef()).isEqualTo(job.render().providerRef());
        assertThat(job.rawStatus()).isEqualTo("completed");
        assertThat(new int[] {job.attempts(), job.retries(), job.polls()}).containsExactly(2, 1, 7);
        assertThat(job.createdAt()).isEqualTo(job.times().createdAt());
        assertThat(job.deadline()).isEqualTo(T0.plusSeconds(3600));
        assertThat(job.error().code()).isEqualTo("render_failed");
        assertThat(job.warning().code()).isEqualTo("watermarked");
        assertThat(job.assets()).hasSize(2);
        assertThat(job.batchId()).isEqualTo(new BatchId("batch-1"));
        assertThat(job.parentId()).isEqualTo(parent);
    }

    @Test
    void givenAJob_whenPolled_thenOnlyRenderCountersAndTimesChange() {
        Job polled = job.polled("processing", NOW, NOW.plusSeconds(5));

        assertThat(polled.rawStatus()).isEqualTo("processing");
        assertThat(polled.polls()).isEqualTo(8);
        assertThat(polled.times()).isEqualTo(new JobTimes(T0, NOW, NOW.plusSeconds(5), job.deadline()));
        assertThat(polled.outcome()).isSameAs(job.outcome());
        assertThat(polled.lineage()).isSameAs(job.lineage());
        assertThat(polled.version()).isEqualTo(job.version());
    }

    @Test
    void givenAFailedJob_whenRequeued_thenRenderAndOutcomeAreClearedAndARetryCounted() {
        Job requeued = job.requeued(NOW);

        assertThat(requeued.state()).isEqualTo(JobState.QUEUED);
        assertThat(requeued.render()).isEqualTo(JobRender.NONE);
        assertThat(requeued.outcome()).isEqualTo(JobOutcome.NONE);
        assertThat(requeued.counters()).isEqualTo(new JobCounters(2, 2, 0));
        assertThat(requeued.times()).isEqualTo(new JobTimes(T0, NOW, NOW, null));
        assertThat(requeued.providerKey().value()).endsWith("-r2");
        assertThat(requeued.lineage()).isEqualTo(job.lineage());
    }

    @Test
    void givenAStoredAsset_whenAddedAgainUnderItsKey_thenItReplacesTheOldOne() {
        StoredAsset old = job.asset(AssetKind.VIDEO).orElseThrow();
        StoredAsset again = new StoredAsset(
                AssetKind.VIDEO, old.key(), URI.create("file:///tmp/other.mp4"), 5, "b".repeat(64), "video/mp4", NOW);

        Job next = job.withAsset(again, NOW);

        assertThat(next.assets()).hasSize(2).contains(again).doesNotContain(old);
        assertThat(next.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenNoCreationTime_whenTimesAreBuilt_thenTheErrorNamesTheField() {
        assertThatThrownBy(() -> new JobTimes(null, NOW, null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'createdAt'");
        assertThatThrownBy(() -> new JobOutcome(null, null, null).assets().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
