package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: one status request per tick covers every render that may be done. A render is watched from its create
 * on, so it is read along with another render's poll; found finished there, its job runs at once with that status.
 */
class CarriedReadsTest {

    @Test
    void givenTwoRenders_whenOnePollsAtATick_thenTheOtherIsReadAlongAndFinishesAtThatInstantWithoutItsOwnRead() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3)); // every render: running, then completed
        Job a = h.submitHello();
        Job b = h.submit(
                VideoSpec.singleAvatar("Daisy-inskirt-20220818", "2d5b0e6cf36f460aa7fc47e3eee4ba54", "Hello B"));
        h.scheduler.runDue(); // both created

        h.clock.set(h.scheduler.earliest().orElseThrow());
        h.scheduler.runDue(); // the first poll's round reads both (running); the other poll takes what it carried
        assertThat(h.provider.statusRequests()).as("one request for the tick").isEqualTo(1);
        assertThat(h.provider.statusReads(h.job(a.id()).providerRef())).isEqualTo(1);
        assertThat(h.provider.statusReads(h.job(b.id()).providerRef())).isEqualTo(1);

        Instant secondPolls = h.scheduler.earliest().orElseThrow();
        h.clock.set(secondPolls);
        h.scheduler.runDue(); // one round again: both completed, each job finishes at that instant
        assertThat(h.provider.statusRequests()).isEqualTo(2);

        for (Job job : new Job[] {a, b}) {
            Job done = h.job(job.id());
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.updatedAt()).isEqualTo(secondPolls);
            assertThat(h.provider.statusReads(done.providerRef())).isEqualTo(2);
        }
    }
}
