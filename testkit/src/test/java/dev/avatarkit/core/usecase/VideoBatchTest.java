package dev.avatarkit.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.engine.InProcessStepScheduler;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.spi.SingleProvider;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VideoBatchTest {
    static final VideoBatch.ScriptFiles NO_FILES = path -> {
        throw new ValidationException("script_file", "'script_file': no such file " + path);
    };
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final FakeVideoProvider provider = FakeVideoProvider.v3Like(3);
    // the scheduler is never started: these tests check planning and job creation, not rendering
    private final InProcessStepScheduler scheduler = new InProcessStepScheduler(1, Clock.systemUTC());
    private final JobEngine engine = JobEngine.builder()
            .jobs(jobs)
            .assets(new NoAssets())
            .videoProvider(provider)
            .scheduler(scheduler)
            .build();
    private final VideoBatch batch = new VideoBatch(
            new CreateJob(jobs, engine, Clock.systemUTC(), new SingleProvider(provider, null), JobListener.NONE));

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void givenEachKindOfCharacterAndSpeech_whenPlanned_thenEachRowIsTheOneSceneItDescribes() {
        String csv =
                "avatar_id,talking_photo_id,image_url,voice_id,script,script_file,audio_url,title,background,aspect,caption\n"
                        + "av1,,,v1,Hello,,,One,#102030,9:16,yes\n"
                        + ",tp1,,v1,,intro.txt,,,image:https://x/bg.png,,\n"
                        + ",,https://x/face.png,,,,https://x/a.mp3,,,,0\n";

        var plan = batch.plan(csv, Map.of("intro.txt", "From a file")::get);

        assertThat(plan.errors()).isEmpty();
        VideoSpec first = plan.videos().get(0).spec();
        assertThat(first.scenes().get(0).character()).isEqualTo(Character.Avatar.of("av1"));
        assertThat(first.scenes().get(0).voice()).isEqualTo(Voice.Text.of("Hello", "v1"));
        assertThat(first.scenes().get(0).background()).isEqualTo(new Background.Color("#102030"));
        assertThat(first)
                .extracting(VideoSpec::title, VideoSpec::aspectRatio, VideoSpec::caption)
                .containsExactly("One", "9:16", true);
        assertThat(plan.videos().get(1).spec().scenes().get(0).voice()).isEqualTo(Voice.Text.of("From a file", "v1"));
        assertThat(plan.videos().get(1).spec().scenes().get(0).character())
                .isEqualTo(new Character.TalkingPhoto("tp1", null));
        assertThat(plan.videos().get(2).spec().scenes().get(0).voice())
                .isEqualTo(new Voice.Audio("https://x/a.mp3", null));
        assertThat(plan.estimatedCredits()).isPositive();
    }

    @Test
    void givenBadRows_whenPlanned_thenEachIsReportedWithItsLine_andSubmitRefusesEverything() {
        String csv = "avatar_id,image_url,voice_id,script,script_file,aspect\n"
                + "av1,,v1,Hi,,\n"
                + "av1,https://x/f.png,v1,Hi,,\n"
                + "av1,,v1,,missing.txt,\n"
                + "av1,,v1,Hi,,3:1\n";

        var plan = batch.plan(csv, NO_FILES);

        assertThat(plan.errors()).extracting(BatchRows.RowError::line).containsExactly(3, 4, 5);
        assertThat(plan.errors())
                .extracting(BatchRows.RowError::message)
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("line 3: give exactly one of [avatar_id, image_url], got"),
                        m -> assertThat(m).startsWith("line 4: 'script_file': no such file missing.txt"),
                        m -> assertThat(m).startsWith("line 5: 'aspect' must be one of"));
        assertThatThrownBy(() -> batch.submit(plan, false))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("nothing was submitted");
        assertThat(jobs.list(JobQuery.all(100)).jobs()).isEmpty();
    }

    @Test
    void givenTheSameFileTwice_whenSubmitted_thenTheSecondRunFindsEveryJob_andTheKeysAreNotATemplateBatchs() {
        String csv = "avatar_id,voice_id,script\nav1,v1,Hi\nav1,v1,Hi\n";
        var first = batch.submit(batch.plan(csv, NO_FILES), false);
        var second = batch.submit(batch.plan(csv, NO_FILES), false);

        assertThat(first.created()).isEqualTo(2); // identical rows are two videos, told apart by occurrence
        assertThat(second.created()).isZero();
        assertThat(second.jobIds()).isEqualTo(first.jobIds());
        assertThat(second.batchId()).isEqualTo(first.batchId());
        assertThat(batch.plan(csv, NO_FILES).videos().get(0).key())
                .isNotEqualTo(BatchRows.key("tpl_x", null, Csv.parse(csv).get(1), new java.util.HashMap<>()));
    }
}
