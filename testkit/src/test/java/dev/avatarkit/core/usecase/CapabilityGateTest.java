package dev.avatarkit.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.engine.InProcessStepScheduler;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderCapabilities.Feature;
import dev.avatarkit.core.spi.SingleProvider;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A provider without a feature refuses work that needs it before anything is stored (exit 2 / HTTP 422 upstream). */
class CapabilityGateTest {
    // a D-ID-like provider: videos from photos and presenters, no templates, no identities, a short script limit
    private final FakeVideoProvider provider = new FakeVideoProvider(new ProviderCapabilities(
            false, false, 40, 2, EnumSet.of(Feature.VIDEOS, Feature.PHOTO_AVATARS, Feature.CATALOG)));
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final InProcessStepScheduler scheduler = new InProcessStepScheduler(1, Clock.systemUTC());
    private final JobEngine engine = JobEngine.builder()
            .jobs(jobs)
            .assets(new NoAssets())
            .videoProvider(provider)
            .scheduler(scheduler)
            .build();
    private final SingleProvider providers = new SingleProvider(provider, null);
    private final CreateJob create = new CreateJob(jobs, engine, Clock.systemUTC(), providers, JobListener.NONE);

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void givenNoTemplates_whenATemplateBatchIsPlanned_thenItIsRefusedNamingProviderAndCapability() {
        TemplateBatch batch = new TemplateBatch(providers, create);
        assertThatThrownBy(() -> batch.plan("tpl_1", "name\nAda\n"))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("'" + provider.name() + "'")
                .hasMessageContaining("templates");
        assertThat(jobs.list(JobQuery.all(10)).jobs()).isEmpty();
    }

    @Test
    void givenNoAudioScripts_whenAVideoWithAudioIsCreated_thenNothingIsStored() {
        VideoSpec audio = new VideoSpec(
                List.of(new Scene(
                        Character.Avatar.of("presenter_1"), new Voice.Audio("https://example.com/a.mp3", null), null)),
                null,
                null,
                null,
                false,
                "audio",
                false);
        assertThatThrownBy(() -> create.create(CreateJob.Command.of(audio)))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("audio scripts");
        assertThat(jobs.list(JobQuery.all(10)).jobs()).isEmpty();
    }

    @Test
    void givenAScriptOverTheProvidersLimit_whenCreated_thenTheLimitComesFromTheProvider() {
        VideoSpec long41 = VideoSpec.singleAvatar("presenter_1", "v1", "x".repeat(41));
        assertThatThrownBy(() -> create.create(CreateJob.Command.of(long41))).hasMessageContaining("at most 40");
        assertThat(create.create(CreateJob.Command.of(VideoSpec.singleAvatar("presenter_1", "v1", "x".repeat(40))))
                        .created())
                .isTrue();
    }

    @Test
    void givenTheFeatures_whenAPhotoVideoIsCreated_thenItIsStoredWithTheProvidersRoute() {
        VideoSpec photo = new VideoSpec(
                List.of(new Scene(
                        new Character.Image("https://example.com/face.png"),
                        new Voice.Text("Hello", "v1", null, null, null, null),
                        null)),
                null,
                null,
                null,
                false,
                "photo",
                false);
        var job = create.create(CreateJob.Command.of(photo)).job();
        assertThat(job.route().provider()).isEqualTo(provider.name());
    }
}
