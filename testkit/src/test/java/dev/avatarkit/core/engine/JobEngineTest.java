package dev.avatarkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobEngineTest {

    @Test
    void givenAVideoJob_whenTheEngineRuns_thenItIsSubmittedOncePolledAndItsAssetsStored() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        Job job = h.submitHello();
        assertThat(job.state()).isEqualTo(JobState.QUEUED);

        h.runUntilIdle();

        Job done = h.job(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.providerRef()).isNotNull();
        assertThat(done.assets())
                .extracting(a -> a.kind())
                .containsExactlyInAnyOrder(AssetKind.VIDEO, AssetKind.THUMBNAIL);
        assertThat(done.asset(AssetKind.VIDEO).orElseThrow().key().value())
                .isEqualTo("videos/" + job.id() + "/video.mp4");
        assertThat(h.assets.bytes.get(done.asset(AssetKind.VIDEO).orElseThrow().key()))
                .isEqualTo(FakeVideoProvider.contentOf(done.providerRef(), AssetKind.VIDEO));
        assertThat(h.provider.createsFor(job.idempotencyKey())).isEqualTo(1);
    }

    @Test
    void givenV3_whenTheCreateTimesOutAfterTheProviderCreatedTheRender_thenItIsResentWithTheSameKeyAndCreatedOnce() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.createThenFail(() -> new OutcomeUnknownException("read timed out", 0, null, null, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.submitCalls()).isEqualTo(2);
        assertThat(h.provider.createsFor(job.idempotencyKey())).isEqualTo(1);
    }

    @Test
    void givenACreateWithAnUnknownOutcome_whenItsRenderIsAccepted_thenItsStartIsTheFirstSendNotTheResend() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.createThenFail(() -> new OutcomeUnknownException("HTTP 502", 502, null, null, null));
        Instant sent = h.clock.instant();
        Job job = h.submitHello();

        Job rendering = h.runUntil(job.id(), j -> j.state() == JobState.RENDERING);

        assertThat(h.provider.submitCalls()).isEqualTo(2);
        assertThat(h.clock.instant()).isAfter(sent); // resent later
        assertThat(rendering.deadline()).isEqualTo(sent.plus(h.policy.renderTimeout()));
    }

    @Test
    void givenLegacy_whenTheCreateTimesOutButTheRenderExists_thenReconcileFindsItAndNothingIsResent() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.legacyLike(3));
        h.provider.createThenFail(() -> new OutcomeUnknownException("read timed out", 0, null, null, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.submitCalls()).isEqualTo(1);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void givenLegacy_whenTheCreateOutcomeIsUnknownAndNoRenderShowsUp_thenTheJobNeedsAttentionAndIsNeverResent() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.legacyLike(3));
        h.provider.onNextSubmit(() -> new OutcomeUnknownException("connection reset", 0, null, null, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        Job stuck = h.job(job.id());
        assertThat(stuck.state()).isEqualTo(JobState.NEEDS_ATTENTION);
        assertThat(stuck.error().code()).isEqualTo("outcome_unknown");
        assertThat(stuck.error().message()).contains(job.idempotencyKey().value());
        assertThat(h.provider.submitCalls()).isEqualTo(1);
    }

    @Test
    void givenRateLimits_whenSubmitting_thenTheEngineWaitsRetryAfterAndSubmitsOnce() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider
                .onNextSubmit(() -> new RateLimitedException(
                        "slow down", Duration.ofSeconds(7), 429, "rate_limit_exceeded", null, null))
                .onNextSubmit(() -> new RateLimitedException(
                        "slow down", Duration.ofSeconds(7), 429, "rate_limit_exceeded", null, null));
        Job job = h.submitHello();

        h.scheduler.runDue();
        Job waiting = h.job(job.id());
        assertThat(waiting.state()).isEqualTo(JobState.QUEUED);
        assertThat(h.scheduler.pendingAt(job.id())).contains(h.clock.instant().plusSeconds(7));

        h.runUntilIdle();
        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void givenAnInFlightDuplicate_whenTheProviderAnswers409_thenTheSameKeyIsSentAgainLater() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.onNextSubmit(
                () -> new ConflictException("request_in_progress", 409, "request_in_progress", null, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.createsFor(job.idempotencyKey())).isEqualTo(1);
    }

    @Test
    void givenAnUnknownStatusWord_whenPolling_thenTheJobKeepsRenderingUntilCompleted() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.everyRenderReports(
                RenderStatus.running("rendering_hd"),
                RenderStatus.running("rendering_hd"),
                new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null));
        Job job = h.submitHello();

        Job rendering = h.runUntil(job.id(), j -> "rendering_hd".equals(j.rawStatus()));
        assertThat(rendering.state()).isEqualTo(JobState.RENDERING);

        h.runUntilIdle();
        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void givenCompletedWithAnError_whenPolling_thenTheVideoIsStoredAndFlaggedWithAWarning() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        JobError watermark = new JobError("watermarked", "trial account: video has a watermark", false);
        h.provider.everyRenderReports(new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, watermark));
        Job job = h.submitHello();

        h.runUntilIdle();

        Job done = h.job(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.warning()).isEqualTo(watermark);
        assertThat(done.asset(AssetKind.VIDEO)).isPresent();
    }

    @Test
    void givenAFailedRender_whenPolling_thenTheJobFailsWithTheProvidersReason() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        JobError why = new JobError("avatar_not_found", "avatar gone", false);
        h.provider.everyRenderReports(new RenderStatus(RenderPhase.FAILED, "failed", List.of(), why, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.FAILED);
        assertThat(h.job(job.id()).error()).isEqualTo(why);
    }

    @Test
    void givenAModerationRefusal_whenPolling_thenTheJobIsRejected() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.everyRenderReports(new RenderStatus(
                RenderPhase.REJECTED, "failed", List.of(), new JobError("moderation", "content policy", false), null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.REJECTED);
    }

    @Test
    void givenAnExpiredDownloadOnce_whenDownloading_thenItRetriesAndStoresTheAsset() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.failDownloadsOnce(1);
        Job job = h.submitHello();

        h.runUntilIdle();

        Job done = h.job(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.assets()).hasSize(2);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void
            givenDownloadsThatKeepFailing_whenTheAttemptsRunOut_thenTheJobFailsRetryably_andRetryDownloadsWithoutRerendering() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.failDownloadsOnce(h.policy.downloadAttempts());
        Job job = h.submitHello();

        h.runUntilIdle();
        Job failed = h.job(job.id());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error().code()).isEqualTo("download_failed");
        assertThat(failed.error().retryable()).isTrue();

        h.manage.retry(job.id());
        h.runUntilIdle();
        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void givenARenderingJob_whenCanceled_thenItIsCanceledAtTheProviderAndTheEngineLeavesItAlone() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.everyRenderReports(RenderStatus.running("processing"));
        Job job = h.submitHello();
        Job rendering = h.runUntil(job.id(), j -> j.state() == JobState.RENDERING);

        h.manage.cancel(job.id());
        h.clock.advance(Duration.ofMinutes(5));
        h.scheduler.runDue();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.CANCELED);
        assertThat(h.provider.canceled()).containsExactly(rendering.providerRef());
        assertThat(h.scheduler.pendingAt(job.id())).isEmpty();
    }

    @Test
    void givenARenderThatNeverFinishes_whenTheDeadlinePasses_thenItFailsAsTimeout_andRetryPollsAgainWithoutPaying() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.everyRenderReports(RenderStatus.running("processing"));
        Job job = h.submitHello();

        h.runUntilIdle();
        assertThat(h.job(job.id()).state()).isEqualTo(JobState.FAILED);
        assertThat(h.job(job.id()).error().code()).isEqualTo("render_timeout");

        h.provider.everyRenderReports(new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null));
        h.manage.retry(job.id());
        assertThat(h.job(job.id()).state()).isEqualTo(JobState.RENDERING);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void givenNoCreditLeft_whenABatchRuns_thenTheFirstRefusalStopsTheRestWithoutSubmitting() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(1));
        h.provider.onNextSubmit(
                () -> new InsufficientCreditException("no credits", 402, "insufficient_credit", "req-9", null));
        Job first = h.submitHello();
        Job second = h.submitHello();
        Job third = h.submitHello();

        h.runUntilIdle();

        for (Job job : List.of(first, second, third)) {
            assertThat(h.job(job.id()).state()).isEqualTo(JobState.FAILED);
            assertThat(h.job(job.id()).error().code()).isEqualTo("insufficient_credit");
            assertThat(h.job(job.id()).error().retryable()).isTrue();
        }
        assertThat(h.provider.submitCalls()).isEqualTo(1);
    }

    @Test
    void givenAnInvalidRequest_whenSubmitting_thenTheJobFailsAndIsNotRetried() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.onNextSubmit(() ->
                new InvalidRequestException("voice_id is invalid", "voice_id", 400, "invalid_parameter", null, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.FAILED);
        assertThat(h.job(job.id()).error().message()).contains("voice_id");
        assertThat(h.provider.submitCalls()).isEqualTo(1);
    }

    @Test
    void givenTheProviderIsDown_whenSubmitting_thenTheJobWaitsInTheQueueAndGoesOnLater() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        h.provider.onNextSubmit(() -> new ProviderUnavailableException("connection refused", 0, null, null, null));
        Job job = h.submitHello();

        h.runUntilIdle();

        assertThat(h.job(job.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void givenMoreJobsThanSlots_whenRunning_thenNeverMoreThanTheLimitRenderAtOnce() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(2));
        h.provider.everyRenderReports(
                RenderStatus.running("processing"),
                RenderStatus.running("processing"),
                new RenderStatus(RenderPhase.SUCCEEDED, "completed", List.of(), null, null));
        List<Job> batch = List.of(h.submitHello(), h.submitHello(), h.submitHello(), h.submitHello(), h.submitHello());

        int maxInFlight = 0;
        for (int i = 0; i < 500 && h.scheduler.earliest().isPresent(); i++) {
            h.clock.set(
                    h.scheduler.earliest().get().isAfter(h.clock.instant())
                            ? h.scheduler.earliest().get()
                            : h.clock.instant());
            h.scheduler.runDue();
            int inFlight = h.jobs.count("fake", JobState.RENDERING) + h.jobs.count("fake", JobState.SUBMITTING);
            maxInFlight = Math.max(maxInFlight, inFlight);
        }

        assertThat(maxInFlight).isEqualTo(2);
        assertThat(batch).allSatisfy(j -> assertThat(h.job(j.id()).state()).isEqualTo(JobState.SUCCEEDED));
    }

    @Test
    void givenAFullAccount_whenARenderFinishes_thenTheNextQueuedJobIsWokenBeforeTheDownloadStarts() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(1));
        Job a = h.submitHello();
        Job b = h.submitHello();
        h.scheduler.runDue(); // one of the two takes the only slot, the other parks at the gate
        Job rendering = h.job(a.id()).state() == JobState.RENDERING ? a : b;
        Job parked = rendering == a ? b : a;
        assertThat(h.job(parked.id()).state()).isEqualTo(JobState.QUEUED);
        List<java.util.Optional<java.time.Instant>> parkedDueWhileDownloading = new java.util.ArrayList<>();
        h.provider.whileDownloading(() -> {
            if (h.job(rendering.id()).state() == JobState.DOWNLOADING)
                parkedDueWhileDownloading.add(h.scheduler.pendingAt(parked.id()));
        });

        h.runUntil(rendering.id(), j -> j.state() == JobState.SUCCEEDED);

        // downloads hold no render slot: the parked job was due the moment the first render finished
        assertThat(parkedDueWhileDownloading)
                .isNotEmpty()
                .allSatisfy(due ->
                        assertThat(due).hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(h.clock.instant())));
        h.runUntilIdle();
        assertThat(h.job(parked.id()).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void givenTheSameIdempotencyKey_whenCreatingTwice_thenOneJobExistsAndOneRenderIsPaid() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        var spec = dev.avatarkit.core.domain.VideoSpec.singleAvatar("a", "v", "hi");
        var key = new dev.avatarkit.core.domain.IdempotencyKey("order-42");
        var first = h.create.create(new dev.avatarkit.core.usecase.CreateJob.Command(spec, key, null, null));
        var second = h.create.create(new dev.avatarkit.core.usecase.CreateJob.Command(spec, key, null, null));

        h.runUntilIdle();

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.job().id()).isEqualTo(first.job().id());
        assertThat(h.provider.totalCreates()).isEqualTo(1);
    }

    @Test
    void givenARunningJob_whenRetried_thenItIsRefused() {
        EngineHarness h = new EngineHarness(FakeVideoProvider.v3Like(3));
        Job job = h.submitHello();
        assertThatThrownBy(() -> h.manage.retry(job.id())).hasMessageContaining("only finished jobs");
    }
}
