package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RenderTimesTest {
    private final EnginePolicy policy = EnginePolicy.defaults(3);
    private final RenderTimes times = new RenderTimes(policy, new Backoff(new Random(1)));
    private final Instant t0 = Instant.parse("2026-11-27T10:00:00Z");

    private Job renderingSince(Instant start) {
        Job queued = Job.queued(JobId.next(start), new IdempotencyKey("k" + start.toEpochMilli()),
                VideoSpec.singleAvatar("a", "v", "hi"), "fake", start, null, null);
        return queued.rendering(new ProviderRef("r"), "waiting", start, start, start.plus(policy.renderTimeout()));
    }

    @Test
    void givenNoHistory_whenPlanningPolls_thenThePolicysBackoffApplies() {
        assertThat(times.firstPoll(renderingSince(t0))).isEqualTo(policy.pollInitial());
    }

    @Test
    void givenRendersTakeTwentySeconds_whenANewOneStarts_thenItIsFirstPolledJustAfterTwentySeconds() {
        times.finished(renderingSince(t0), t0.plusSeconds(20));

        Job next = renderingSince(t0.plusSeconds(30));
        assertThat(times.firstPoll(next)).isEqualTo(Duration.ofSeconds(21));
        // polled early (e.g. after a restart): wait for the rest of the usual time
        assertThat(times.nextPoll(next, t0.plusSeconds(40))).isEqualTo(Duration.ofSeconds(11));
        // later than usual: look again soon (about a tenth of the usual time, jittered), not a full backoff step
        assertThat(times.nextPoll(next, t0.plusSeconds(55))).isBetween(Duration.ofMillis(1600), Duration.ofSeconds(3));
    }

    @Test
    void givenAVeryLongUsualTime_whenPlanning_thenPollsNeverWaitLongerThanTheMaximum() {
        times.finished(renderingSince(t0), t0.plus(Duration.ofMinutes(30)));
        assertThat(times.firstPoll(renderingSince(t0))).isEqualTo(policy.pollMax());
    }
}
