package dev.avatarkit.core.influencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.InfluencerFiles;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.testkit.fakes.FakeAvatarProvider;
import dev.avatarkit.testkit.fakes.SimulatedCrash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An influencer end to end through the real engine over fakes: identity → 50 stills → manifest + contact sheet. */
class InfluencerFlowTest {
    @TempDir
    Path dir;

    private Path referencePng() throws IOException {
        Path file = dir.resolve("face.png");
        Files.write(file, FakeAvatarProvider.png("reference"));
        return file;
    }

    @Test
    void givenFiftyShots_whenRunToTheEnd_thenEveryStillIsStoredOnceAndTheManifestAndContactSheetAreWritten()
            throws IOException {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        Job identity = h.create(InfluencerHarness.mia(
                DefaultShots.fifty(), List.of(referencePng().toString(), "https://cdn.example/side.png")));

        h.runUntilIdle();

        Job done = h.job(identity.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.assets.exists(AssetKey.of("influencers", identity.id().value(), "base.png")))
                .isTrue();
        List<Job> stills = h.stills(identity.id());
        assertThat(stills).hasSize(50).allMatch(s -> s.state() == JobState.SUCCEEDED);
        for (Job still : stills) {
            StillSpec spec = (StillSpec) still.spec();
            assertThat(spec.baseLookId()).isEqualTo(done.providerRef().value());
            assertThat(still.asset(AssetKind.STILL).orElseThrow().key().value())
                    .isEqualTo("influencers/" + identity.id() + "/stills/"
                            + spec.shot().fileStem() + ".png");
        }
        assertThat(stills.stream()
                        .map(s -> s.asset(AssetKind.STILL).orElseThrow().sha256())
                        .distinct())
                .hasSize(50);
        assertThat(h.provider.identityCreates()).isEqualTo(1);
        assertThat(h.provider.stillCreates()).isEqualTo(50);
        assertThat(h.provider.maxCreatesPerKey()).isEqualTo(1);
        assertThat(h.provider.uploads()).isEqualTo(1);
        assertThat(h.provider.identityReferences()).containsExactly(List.of("asset_1", "https://cdn.example/side.png"));

        assertThat(h.assets.exists(AssetKey.of("influencers", identity.id().value(), "manifest.json")))
                .isTrue();
        assertThat(h.assets.exists(AssetKey.of("influencers", identity.id().value(), "contact-sheet.png")))
                .isTrue();
        InfluencerFiles.Manifest manifest = h.files.lastManifest();
        assertThat(manifest.identity().providerRef()).isEqualTo(done.providerRef());
        assertThat(manifest.states()).isEqualTo(Map.of("SUCCEEDED", 50));
        assertThat(manifest.contactSheet())
                .isEqualTo(AssetKey.of("influencers", identity.id().value(), "contact-sheet.png"));
        assertThat(manifest.shots()).hasSize(50).allMatch(e -> e.asset() != null && e.size() != null);
        assertThat(manifest.shots().stream().map(e -> e.asset().sha256()))
                .containsExactlyElementsOf(stills.stream()
                        .sorted(java.util.Comparator.comparingInt(IdentityJobs::shotIndex))
                        .map(s -> s.asset(AssetKind.STILL).orElseThrow().sha256())
                        .toList());
        assertThat(h.files.lastSheet()).hasSize(50).noneMatch(tile -> tile.endsWith(")"));

        InfluencerStatus.View view = h.status.status(identity.id());
        assertThat(view.complete()).isTrue();
        assertThat(view.finished()).isTrue();
        assertThat(view.byState()).isEqualTo(Map.of(JobState.SUCCEEDED, 50));
        assertThat(view.stored()).hasSize(50);
    }

    @Test
    void givenAnIdentityMadeInPhases_whenRun_thenTheEngineStoresTheSuccessorRefAndTheStillsBuildOnIt() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4).identitiesInPhases());
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.first(2), List.of()));

        h.runUntilIdle();

        Job done = h.job(identity.id());
        assertThat(done.state()).as("error: %s", done.error()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.providerRef().value()).startsWith("look_base_");
        assertThat(h.stills(identity.id()))
                .hasSize(2)
                .allMatch(s -> s.state() == JobState.SUCCEEDED)
                .allMatch(s -> ((StillSpec) s.spec())
                        .baseLookId()
                        .equals(done.providerRef().value()));
    }

    @Test
    void givenTheProcessDiesAfterTheProviderMadeAStill_whenRestarted_thenEveryShotIsRenderedExactlyOnce() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4).crashOnCreate(21, true));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.fifty(), List.of()));

        assertThatThrownBy(h::runUntilIdle).isInstanceOf(SimulatedCrash.class);
        assertThat(h.stills(identity.id()))
                .hasSize(50)
                .anyMatch(s -> s.state() == JobState.SUCCEEDED)
                .anyMatch(s -> s.state() == JobState.QUEUED);
        h.restart().runUntilIdle();

        assertThat(h.stills(identity.id())).hasSize(50).allMatch(s -> s.state() == JobState.SUCCEEDED);
        assertThat(h.provider.identityCreates()).isEqualTo(1);
        assertThat(h.provider.stillCreates()).isEqualTo(50);
        assertThat(h.provider.maxCreatesPerKey()).isEqualTo(1);
        assertThat(h.assets.exists(AssetKey.of("influencers", identity.id().value(), "manifest.json")))
                .isTrue();
    }

    @Test
    void givenTheProcessDiesWhileCreatingTheStillJobs_whenRestarted_thenEachShotGetsExactlyOneJob() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.fifty(), List.of()));
        h.jobs.crashOnInsert(25); // 24 stills stored, the 25th dies

        assertThatThrownBy(h::runUntilIdle).isInstanceOf(SimulatedCrash.class);
        assertThat(h.job(identity.id()).state()).isEqualTo(JobState.DOWNLOADING);
        assertThat(h.stills(identity.id())).hasSize(24);
        h.restart().runUntilIdle();

        List<Job> stills = h.stills(identity.id());
        assertThat(stills).hasSize(50).allMatch(s -> s.state() == JobState.SUCCEEDED);
        assertThat(stills.stream().map(IdentityJobs::shotIndex).collect(Collectors.toSet()))
                .hasSize(50);
        assertThat(h.job(identity.id()).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(h.provider.identityCreates()).isEqualTo(1);
        assertThat(h.provider.maxCreatesPerKey()).isEqualTo(1);
    }

    @Test
    void givenARestartWhileStillsRender_whenResumed_thenTheyFinishWithoutNewLooks() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.first(12), List.of()));
        h.runUntil(() -> h.stills(identity.id()).stream()
                        .filter(s -> s.state() == JobState.SUCCEEDED)
                        .count()
                >= 5);

        h.restart().runUntilIdle();

        assertThat(h.status.status(identity.id()).complete()).isTrue();
        assertThat(h.provider.stillCreates()).isEqualTo(12);
        assertThat(h.provider.maxCreatesPerKey()).isEqualTo(1);
    }

    @Test
    void givenOneShotFails_whenRetried_thenOnlyItRendersAgainAndTheReportIsRewritten() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4).failShotOnce(7));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.first(10), List.of()));
        h.runUntilIdle();

        InfluencerStatus.View partial = h.status.status(identity.id());
        assertThat(partial.byState()).isEqualTo(Map.of(JobState.SUCCEEDED, 9, JobState.FAILED, 1));
        assertThat(partial.missing()).extracting(s -> s.index()).containsExactly(7);
        assertThat(partial.failed()).hasSize(1);
        assertThat(partial.finished()).isTrue();
        assertThat(h.files.lastManifest().states()).containsEntry("FAILED", 1);
        assertThat(h.files.lastManifest().shots())
                .extracting(
                        e -> e.job().error() == null ? null : e.job().error().code())
                .contains("generation_failed");
        Map<String, Long> versionsBefore = versions(h.stills(identity.id()));

        h.manage.retry(partial.failed().get(0).id());
        h.runUntilIdle();

        InfluencerStatus.View full = h.status.status(identity.id());
        assertThat(full.complete()).isTrue();
        assertThat(full.byState()).isEqualTo(Map.of(JobState.SUCCEEDED, 10));
        Map<String, Long> versionsAfter = versions(h.stills(identity.id()));
        versionsBefore.remove(partial.failed().get(0).id().value());
        assertThat(versionsAfter).containsAllEntriesOf(versionsBefore);
        assertThat(h.provider.stillCreates()).isEqualTo(11);
        assertThat(h.provider.maxCreatesPerKey()).isEqualTo(1);
        assertThat(h.files.lastManifest().shots()).hasSize(10).allMatch(e -> e.asset() != null);
        assertThat(h.files.lastManifest().states()).isEqualTo(Map.of("SUCCEEDED", 10));
    }

    @Test
    void givenTwoFailedShotsAndOneNeedingAttention_whenRetryingFailedStills_thenOnlyTheFailedOnesRenderAgain() {
        InfluencerHarness h = new InfluencerHarness(
                FakeAvatarProvider.v3Like(4).failShotOnce(2).failShotOnce(5));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.first(6), List.of()));
        h.runUntilIdle();
        Job parked = h.stills(identity.id()).get(0);
        h.jobs.update(parked.failed(
                JobState.NEEDS_ATTENTION,
                new dev.avatarkit.core.domain.JobError("outcome_unknown", "?", false),
                h.clock.instant()));

        List<Job> retried = new RetryFailedStills(h.jobs, h.manage).retry(identity.id());
        h.runUntilIdle();

        assertThat(retried).extracting(IdentityJobs::shotIndex).containsExactly(2, 5);
        assertThat(h.status.status(identity.id()).byState())
                .isEqualTo(Map.of(JobState.SUCCEEDED, 5, JobState.NEEDS_ATTENTION, 1));
        assertThat(h.provider.stillCreates()).isEqualTo(8);
    }

    @Test
    void givenAnUnreadableReference_whenCreating_thenRefusedBeforeAnythingIsStoredOrSent() throws IOException {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        Path notAnImage = Files.writeString(dir.resolve("face.png"), "hello");

        assertThatThrownBy(() -> h.create(InfluencerHarness.mia(
                        DefaultShots.fifty(), List.of("https://cdn.example/ok.png", notAnImage.toString()))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("references[2]"));
        assertThatThrownBy(
                        () -> h.create(InfluencerHarness.mia(DefaultShots.first(2), List.of("ftp://x.example/a.png"))))
                .isInstanceOf(ValidationException.class);
        h.runUntilIdle();

        assertThat(h.jobs.list(JobQuery.all(10)).jobs()).isEmpty();
        assertThat(h.provider.createCalls()).isZero();
        assertThat(h.provider.uploads()).isZero();
    }

    @Test
    void givenALocalFileFromARemoteCaller_whenCreating_thenRefusedEvenThoughTheFileIsAnImage() throws IOException {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        var spec = InfluencerHarness.mia(
                DefaultShots.first(2),
                List.of("https://cdn.example/a.png", referencePng().toString()));

        assertThatThrownBy(() -> h.createInfluencer.create(CreateInfluencer.Command.remote(spec, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("only be given on the command line")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("references[2]"));
        assertThat(h.jobs.list(JobQuery.all(10)).jobs()).isEmpty();
    }

    @Test
    void
            givenALegacyProviderAndACrashAfterItMadeAStill_whenRestarted_thenThatStillAsksForAttentionAndIsNeverMadeTwice() {
        InfluencerHarness h =
                new InfluencerHarness(FakeAvatarProvider.legacyLike(2).crashOnCreate(3, true));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.first(4), List.of()));

        assertThatThrownBy(h::runUntilIdle).isInstanceOf(SimulatedCrash.class);
        h.restart().runUntilIdle();

        InfluencerStatus.View view = h.status.status(identity.id());
        assertThat(view.byState()).isEqualTo(Map.of(JobState.SUCCEEDED, 3, JobState.NEEDS_ATTENTION, 1));
        assertThat(view.failed())
                .singleElement()
                .satisfies(j -> assertThat(j.error().code()).isEqualTo("outcome_unknown"));
        assertThat(h.provider.stillCreates()).isEqualTo(4); // the lost one was made once, and never again
        assertThat(h.provider.maxCreatesPerKey()).isEqualTo(1);
        assertThat(h.files.lastManifest().states()).containsEntry("NEEDS_ATTENTION", 1);
    }

    @Test
    void givenTheSameKeyTwice_whenCreating_thenTheSecondFindsTheFirstAndStartsNothing() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        IdempotencyKey key = new IdempotencyKey("ak-influencer-mia");
        var spec = InfluencerHarness.mia(DefaultShots.first(3), List.of());

        CreateInfluencer.Result first = h.createInfluencer.create(CreateInfluencer.Command.local(spec, key));
        CreateInfluencer.Result second = h.createInfluencer.create(CreateInfluencer.Command.local(spec, key));
        h.runUntilIdle();

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.identity().id()).isEqualTo(first.identity().id());
        assertThat(h.provider.identityCreates()).isEqualTo(1);
        assertThat(h.provider.stillCreates()).isEqualTo(3);
    }

    @Test
    void givenAPlan_whenAsked_thenItCountsPaidCallsAndConcurrencyAndSendsNothing() throws IOException {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(6));
        var spec = InfluencerHarness.mia(
                DefaultShots.fifty(), List.of(referencePng().toString(), "https://cdn.example/b.png"));

        InfluencerPlan.Plan plan = new InfluencerPlan(h.provider).plan(spec);

        assertThat(plan.paidCalls()).isEqualTo(51);
        assertThat(plan.stills()).isEqualTo(50);
        assertThat(plan.referenceUploads()).isEqualTo(1);
        assertThat(plan.maxConcurrency()).isEqualTo(6);
        assertThat(plan.plannedStills()).hasSize(50);
        assertThat(h.provider.createCalls()).isZero();
    }

    @Test
    void givenTheManifestWasDeleted_whenTheReportIsWrittenOnDemand_thenItIsBack() {
        InfluencerHarness h = new InfluencerHarness(FakeAvatarProvider.v3Like(4));
        Job identity = h.create(InfluencerHarness.mia(DefaultShots.first(4), List.of()));
        h.runUntilIdle();
        AssetKey manifest = AssetKey.of("influencers", identity.id().value(), "manifest.json");
        h.assets.delete(manifest);

        InfluencerReport.Written written = h.report.write(identity.id());

        assertThat(written.manifest()).isEqualTo(manifest);
        assertThat(written.stored()).isEqualTo(4);
        assertThat(h.assets.exists(manifest)).isTrue();
    }

    private static Map<String, Long> versions(List<Job> stills) {
        return stills.stream().collect(Collectors.toMap(s -> s.id().value(), Job::version));
    }
}
