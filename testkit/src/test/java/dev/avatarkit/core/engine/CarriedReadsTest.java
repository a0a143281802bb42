package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: one status request per tick covers every render that may be done. A render already polled once
 * (watched) is read along with the next render's poll; found finished there, its job runs at once with that status.
 */
class CarriedReadsTest {

    @Test
    void givenARenderPolledOnce_whenAnothersPollFindsItFinished_thenItsJobFinishesAtThatInstantWithoutAnotherRead() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3)); // every render: running, then completed
        Job a = h.submitHello();
        Job b = h.submit(
                VideoSpec.singleAvatar("Daisy-inskirt-20220818", "2d5b0e6cf36f460aa7fc47e3eee4ba54", "Hello B"));
        h.scheduler.runDue(); // both created
        Instant firstPolls = h.scheduler.earliest().orElseThrow();
        h.clock.set(firstPolls);

        h.scheduler.runDue(); // a's poll reads it alone (running); b's poll reads b and a together (a: completed)

        Job doneA = h.job(a.id());
        assertThat(doneA.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(doneA.updatedAt()).isEqualTo(firstPolls); // not at a's own next poll
        assertThat(h.provider.statusReads(doneA.providerRef())).isEqualTo(2); // its own read, then b's round
        // b was planned without history, seconds away: a's time just learned, it is read again at once to plan
        // with it (the fake's second read of a render finds it done)
        assertThat(h.provider.statusReads(h.job(b.id()).providerRef())).isEqualTo(2);
        assertThat(h.job(b.id()).updatedAt()).isEqualTo(firstPolls);
    }
}
