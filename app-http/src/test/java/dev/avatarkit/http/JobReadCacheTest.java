package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.runtime.JobEvents;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import dev.avatarkit.testkit.fakes.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobReadCacheTest {
    private final ManualClock clock = ManualClock.startingAt("2026-11-27T10:00:00Z");
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final JobEvents events = new JobEvents();
    private final JobReadCache cache = new JobReadCache(jobs, events, clock);

    private Job stored() {
        return jobs.insert(Job.queued(
                        JobId.next(clock.instant()),
                        new IdempotencyKey("k"),
                        VideoSpec.singleAvatar("a", "v", "hi"),
                        "heygen",
                        clock.instant(),
                        null,
                        null))
                .job();
    }

    @Test
    void givenAChangeInThisProcess_whenReadAgain_thenTheNewStateIsServedAtOnce() {
        Job job = stored();
        assertThat(cache.json(job.id())).contains("\"state\":\"QUEUED\"");

        Job canceled = jobs.update(job.withState(JobState.CANCELED, clock.instant()));
        events.changed(canceled);

        assertThat(cache.json(job.id())).contains("\"state\":\"CANCELED\"");
    }

    @Test
    void givenAChangeByAnotherServer_whenReadAgain_thenItShowsWithinMaxAge() {
        Job job = stored();
        cache.json(job.id());
        jobs.update(job.withState(JobState.CANCELED, clock.instant())); // no event: another process wrote it

        assertThat(cache.json(job.id())).contains("QUEUED");
        clock.advance(JobReadCache.MAX_AGE.plus(Duration.ofMillis(1)));
        assertThat(cache.json(job.id())).contains("CANCELED");
    }

    @Test
    void givenAnUnknownId_whenRead_thenNotFound() {
        assertThatThrownBy(() -> cache.json(JobId.next(clock.instant()))).isInstanceOf(JobNotFoundException.class);
    }

    @Test
    void givenAJobReadLately_whenAskedByItsExactIdText_thenServedUntilItChangesOrExpires() {
        Job job = stored();
        assertThat(cache.cached(job.id().value())).as("never read").isNull();
        byte[] body = cache.body(job.id());

        assertThat(cache.cached(job.id().value())).isSameAs(body);
        assertThat(cache.cached(job.id().value().toLowerCase()))
                .as("other text: parsed by the caller")
                .isNull();
        clock.advance(JobReadCache.MAX_AGE);
        assertThat(cache.cached(job.id().value())).as("expired").isNull();

        cache.body(job.id());
        events.changed(jobs.update(job.withState(JobState.CANCELED, clock.instant())));
        assertThat(cache.cached(job.id().value()))
                .as("evicted by this process's change")
                .isNull();
    }
}
