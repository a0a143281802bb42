package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import dev.avatarkit.testkit.fakes.SimulatedCrash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The process dies at each step boundary; a new process over the same stores finishes the job, paying once. */
class EngineRestartTest {

    @ParameterizedTest(name = "idempotent provider: {0}")
    @ValueSource(booleans = {true, false})
    void givenACrashBeforeTheCreateReachedTheProvider_whenRestarted_thenTheJobEndsSafely(boolean v3) {
        EngineHarness h = new EngineHarness(v3 ? FakeVideoProvider.v3Like(3) : FakeVideoProvider.legacyLike(3));
        h.provider.crashOnNextSubmit(false);
        Job job = h.submitHello();

        assertThatThrownBy(h.scheduler::runDue).isInstanceOf(SimulatedCrash.class);
        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUBMITTING);
        h.restart().runUntilIdle();

        // v3 resends with the same key; legacy cannot know, so it asks a human rather than risk paying twice
        assertThat(h.job(job.id()).state()).isEqualTo(v3 ? JobState.SUCCEEDED : JobState.NEEDS_ATTENTION);
        assertThat(h.provider.totalCreates()).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest(name = "idempotent provider: {0}")
    @ValueSource(booleans = {true, false})
    void givenACrashAfterTheProviderAcceptedButBeforeItsIdWasStored_whenRestarted_thenTheSameRenderIsUsed(boolean v3) {
        EngineHarness h = new EngineHarness(v3 ? FakeVideoProvider.v3Like(3) : FakeVideoProvider.legacyLike(3));
        h.provider.crashOnNextSubmit(true);
        Job job = h.submitHello();
        Instant sent = h.clock.instant();

        assertThatThrownBy(h.scheduler::runDue).isInstanceOf(SimulatedCrash.class);
        h.clock.set(sent.plusSeconds(7)); // the restart
        h.restart().runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
        // its render started before the crash: its start (and timeout) count from the create's send
        assertThat(h.job(job.id()).deadline()).isEqualTo(sent.plus(h.policy.renderTimeout()));
    }

    @Test
    void givenRendersFinishedBeforeARestart_whenANewOneStarts_thenItIsFirstPolledWhenThoseWereFound() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.everyRenderReports(
                RenderStatus.running("processing"),
                RenderStatus.running("processing"),
                RenderStatus.running("processing"),
                RenderStatus.running("processing"),
                new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null));
        Job earlier = h.submitHello();
        h.runUntilIdle();
        Job done = h.job(earlier.id());
        Instant renderStart = done.deadline().minus(h.policy.renderTimeout());
        Instant found = h.jobs.history(earlier.id()).stream()
                .filter(step -> step.state() == JobState.DOWNLOADING)
                .findFirst()
                .orElseThrow()
                .at();
        Duration took = Duration.between(renderStart, found);

        h.restart();
        Job rendering = h.runUntil(h.submitHello().id(), j -> j.state() == JobState.RENDERING);

        Duration firstPoll = Duration.between(rendering.updatedAt(), rendering.nextRunAt());
        assertThat(took).isGreaterThan(h.policy.pollInitial().multipliedBy(3));
        // a step across what it may have taken (found by polls up to 15 % apart), not the first wait of a process
        // that never saw a render finish
        assertThat(firstPoll)
                .as("planned from the render found before the restart (took %s), not %s", took, h.policy.pollInitial())
                .isBetween(took.dividedBy(115).multipliedBy(100), took);
    }

    @Test
    void givenARenderFoundAtItsFirstPollBeforeARestart_whenANewOneStarts_thenItIsReadJustBelowThatTime() {
        // one poll, 20 s in, found it done: as exact as the earlier process's plan, not a search 15 % wide
        EnginePolicy policy = EnginePolicy.defaults(3)
                .withPolling(Duration.ofSeconds(20), Duration.ofSeconds(30))
                .withRenderTimeout(Duration.ofMinutes(30));
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3), policy);
        h.provider.everyRenderReports(new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null));
        h.submitHello();
        h.runUntilIdle();

        h.restart();
        Job rendering = h.runUntil(h.submitHello().id(), j -> j.state() == JobState.RENDERING);

        Duration firstPoll = Duration.between(rendering.updatedAt(), rendering.nextRunAt());
        assertThat(firstPoll).isBetween(Duration.ofMillis(19_500), Duration.ofSeconds(20));
    }

    @ParameterizedTest(name = "idempotent provider: {0}")
    @ValueSource(booleans = {true, false})
    void givenACrashWhileRendering_whenRestarted_thenPollingResumes(boolean v3) {
        EngineHarness h = new EngineHarness(v3 ? FakeVideoProvider.v3Like(3) : FakeVideoProvider.legacyLike(3));
        h.provider.everyRenderReports(
                RenderStatus.running("processing"),
                RenderStatus.running("processing"),
                new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null));
        Job job = h.submitHello();
        h.runUntil(job.id(), j -> j.state() == JobState.RENDERING);

        h.restart().runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @ParameterizedTest(name = "idempotent provider: {0}")
    @ValueSource(booleans = {true, false})
    void givenACrashMidDownload_whenRestarted_thenNoPartialAssetIsKeptAndTheDownloadCompletes(boolean v3) {
        EngineHarness h = new EngineHarness(v3 ? FakeVideoProvider.v3Like(3) : FakeVideoProvider.legacyLike(3));
        h.provider.crashInNextDownload();
        Job job = h.submitHello();

        assertThatThrownBy(h::runUntilIdle).isInstanceOf(SimulatedCrash.class);
        Job halfway = h.job(job.id());
        assertThat(halfway.state()).isEqualTo(JobState.DOWNLOADING);
        assertThat(halfway.assets()).isEmpty();
        h.restart().runUntilIdle();

        Job done = h.job(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.assets.bytes.get(done.asset(AssetKind.VIDEO).orElseThrow().key()))
                .isEqualTo(FakeVideoProvider.contentOf(done.providerRef(), AssetKind.VIDEO));
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @ParameterizedTest(name = "idempotent provider: {0}")
    @ValueSource(booleans = {true, false})
    void givenAQueuedJob_whenTheProcessRestartsBeforeAnyStep_thenItIsSubmittedOnce(boolean v3) {
        EngineHarness h = new EngineHarness(v3 ? FakeVideoProvider.v3Like(3) : FakeVideoProvider.legacyLike(3));
        Job job = h.submitHello();

        h.restart().runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }
}
