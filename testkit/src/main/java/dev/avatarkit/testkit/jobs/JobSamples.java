package dev.avatarkit.testkit.jobs;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobCounters;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobLineage;
import dev.avatarkit.core.domain.JobOutcome;
import dev.avatarkit.core.domain.JobRender;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTimes;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object Mother for jobs and specs: one of every spec variant, and jobs with every field filled. */
public final class JobSamples {
    /** Nanoseconds on purpose: a store must give back exactly the instant it was given. */
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456789Z");

    private JobSamples() {}

    /** An id whose time part is {@code T0 + n ms}, so ids made with increasing n sort in that order. */
    public static JobId id(int n) {
        return JobId.next(T0.plusMillis(n));
    }

    public static VideoSpec singleAvatar() {
        return VideoSpec.singleAvatar(
                "Angela-inblackskirt-20220820", "1bd001e7e50f421d891986aad5158bc8", "Hello there");
    }

    /** Every character, voice and background variant, with optional fields set. */
    public static VideoSpec multiScene() {
        return new VideoSpec(
                List.of(
                        new Scene(
                                new Character.Avatar("avatar-1", "closeUp", 1.5, 0.1, -0.2),
                                new Voice.Text("Welcome", "voice-1", 1.1, -5, "Excited", "en-US"),
                                new Background.Color("#1a2b3c")),
                        new Scene(
                                new Character.TalkingPhoto("photo-1", 0.8),
                                new Voice.Audio("https://example.com/a.mp3", null),
                                new Background.Image("https://example.com/bg.png")),
                        new Scene(
                                new Character.Image("https://example.com/face.jpg"),
                                new Voice.Audio(null, "asset-123"),
                                new Background.Video("https://example.com/bg.mp4")),
                        new Scene(Character.Avatar.of("avatar-2"), new Voice.Silence(2.5), null)),
                null,
                new Dimension(1280, 720),
                "1080p",
                true,
                "Quarterly update",
                true);
    }

    public static TemplateSpec template() {
        Map<String, TemplateVariable> variables = new LinkedHashMap<>();
        variables.put("name", new TemplateVariable("name", TemplateVariable.Type.TEXT, "Ada"));
        variables.put("photo", new TemplateVariable("photo", TemplateVariable.Type.IMAGE, "https://example.com/p.png"));
        variables.put("presenter", new TemplateVariable("presenter", TemplateVariable.Type.CHARACTER, "avatar-9"));
        return new TemplateSpec("tpl-42", variables, "Hi Ada", new Dimension(1080, 1920), false);
    }

    public static IdentitySpec identity() {
        return new IdentitySpec(
                "Mia",
                "a friendly travel vlogger",
                "25",
                "female",
                null,
                "casual",
                List.of("https://example.com/ref1.jpg"),
                new ShotList(List.of(
                        new Shot(1, "front-close", "front", "close-up", "smiling", "beach"),
                        new Shot(2, "three-quarter-left", "three-quarter left", "medium", null, null))));
    }

    public static StillSpec still() {
        return new StillSpec(
                "Mia",
                new Shot(7, "profile", "profile", "wide", "neutral", "studio"),
                "Mia, profile, wide, neutral, studio",
                "look-1");
    }

    public static List<JobSpec> everySpec() {
        return List.of(singleAvatar(), multiScene(), template(), identity(), still());
    }

    /** A fresh QUEUED job with the given id (its key derived from the id). */
    public static Job queued(JobId id) {
        return Job.queued(id, IdempotencyKey.forJob(id), singleAvatar(), "heygen", T0, null, null);
    }

    public static Job queued(JobId id, JobSpec spec, String provider, BatchId batch, JobId parent) {
        return Job.queued(id, IdempotencyKey.forJob(id), spec, provider, T0, batch, parent);
    }

    /** A job with every nullable field filled, as the engine might have left it. */
    public static Job everyField(JobId id, JobId parent) {
        StoredAsset video = new StoredAsset(
                AssetKind.VIDEO,
                AssetKey.of("videos", id.value(), "video.mp4"),
                URI.create("file:///tmp/assets/videos/" + id.value() + "/video.mp4"),
                1234,
                "a".repeat(64),
                "video/mp4",
                T0.plusSeconds(30));
        StoredAsset thumb = new StoredAsset(
                AssetKind.THUMBNAIL,
                AssetKey.of("videos", id.value(), "thumbnail.jpg"),
                URI.create("s3://bucket/videos/" + id.value() + "/thumbnail.jpg"),
                99,
                "0123456789abcdef".repeat(4),
                "image/jpeg",
                T0.plusSeconds(31));
        return new Job(
                id,
                multiScene().kind(),
                IdempotencyKey.derived("batch", id.value()),
                multiScene(),
                "heygen-v3",
                JobState.DOWNLOADING,
                new JobRender(new ProviderRef("vid_123"), "completed"),
                new JobCounters(2, 1, 7),
                new JobTimes(T0, T0.plusSeconds(29), T0.plusSeconds(40), T0.plusSeconds(3600)),
                new JobOutcome(
                        new JobError("render_failed", "first try failed", true),
                        new JobError("watermarked", "completed with error", false),
                        List.of(video, thumb)),
                new JobLineage(new BatchId("batch-1"), parent),
                0);
    }
}
