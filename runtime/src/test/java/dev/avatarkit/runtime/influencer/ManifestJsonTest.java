package dev.avatarkit.runtime.influencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.influencer.ShotPrompt;
import dev.avatarkit.core.port.InfluencerFiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest is valid JSON (parsed back strictly) and carries every field a user needs per still. */
class ManifestJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String SHA = "ab".repeat(32);

    @Test
    @SuppressWarnings("unchecked")
    void givenAStoredAFailedAndAnUncreatedStill_whenWritten_thenParsesBackWithEveryField() {
        IdentitySpec spec = new IdentitySpec(
                "Mia \"the\" Test",
                "line one\nline two \\ tab\t \u0001 é ✓",
                "25",
                "woman",
                null,
                "Realistic",
                List.of("/home/me/faces/mia.png", "https://cdn.example/r.png?sig=SECRET"),
                DefaultShots.first(3));
        Job identity = Job.queued(JobId.next(NOW), new IdempotencyKey("ak-mia"), spec, "fake", NOW, null, null)
                .rendering(new ProviderRef("look_base_1"), "completed", NOW, NOW, NOW)
                .withAsset(asset("influencers/X/base.png"), NOW)
                .withState(JobState.SUCCEEDED, NOW);
        List<Shot> shots = spec.shots().shots();
        Job stored = still(identity, shots.get(0))
                .rendering(new ProviderRef("look_2"), "completed", NOW, NOW, NOW)
                .withAsset(asset("influencers/X/stills/01-front-closeup-neutral-studio.png"), NOW)
                .withState(JobState.SUCCEEDED, NOW);
        Job failed = still(identity, shots.get(1))
                .rendering(new ProviderRef("look_3"), "failed", NOW, NOW, NOW)
                .failed(JobState.FAILED, new JobError("generation_failed", "no \"luck\"", true), NOW);
        List<InfluencerFiles.ShotEntry> entries = List.of(
                new InfluencerFiles.ShotEntry(
                        shots.get(0),
                        stored,
                        stored.asset(AssetKind.STILL).get(),
                        new InfluencerFiles.PixelSize(64, 48)),
                new InfluencerFiles.ShotEntry(shots.get(1), failed, null, null),
                new InfluencerFiles.ShotEntry(shots.get(2), null, null, null));

        String json = new String(
                new MoshiAwtInfluencerFiles()
                        .writeManifest(new InfluencerFiles.Manifest(
                                identity,
                                entries,
                                Map.of("SUCCEEDED", 1, "FAILED", 1, "NOT_CREATED", 1),
                                AssetKey.of("influencers", "X", "contact-sheet.png"),
                                NOW)),
                StandardCharsets.UTF_8);
        Map<String, Object> manifest = (Map<String, Object>) MiniJson.parse(json);

        Map<String, Object> who = (Map<String, Object>) manifest.get("identity");
        assertThat(who.get("name")).isEqualTo("Mia \"the\" Test");
        assertThat(who.get("prompt")).isEqualTo(spec.prompt());
        assertThat(who.get("baseLookId")).isEqualTo("look_base_1");
        assertThat((Map<String, Object>) who.get("attributes"))
                .containsEntry("age", "25")
                .containsEntry("ethnicity", null);
        assertThat((List<Object>) who.get("references")).containsExactly("mia.png", "https://cdn.example/r.png");
        assertThat(json).doesNotContain("SECRET").doesNotContain("/home/me");
        assertThat((Map<String, Object>) manifest.get("counts"))
                .containsEntry("shots", 3L)
                .containsEntry("stored", 1L);
        assertThat(manifest.get("contactSheet")).isEqualTo("influencers/X/contact-sheet.png");

        List<Map<String, Object>> stills = (List<Map<String, Object>>) manifest.get("stills");
        assertThat(stills).hasSize(3);
        Map<String, Object> first = stills.get(0);
        assertThat(first)
                .containsEntry("index", 1L)
                .containsEntry("slug", "front-closeup-neutral-studio")
                .containsEntry("state", "SUCCEEDED")
                .containsEntry("lookId", "look_2")
                .containsEntry("baseLookId", "look_base_1")
                .containsEntry("width", 64L)
                .containsEntry("height", 48L)
                .containsEntry("jobId", stored.id().value())
                .containsEntry("error", null);
        assertThat(first.get("prompt")).isEqualTo(((StillSpec) stored.spec()).prompt());
        assertThat((Map<String, Object>) first.get("file"))
                .containsEntry("sha256", SHA)
                .containsEntry("size", 1234L)
                .containsEntry("key", "influencers/X/stills/01-front-closeup-neutral-studio.png");
        assertThat(stills.get(1)).containsEntry("state", "FAILED").containsEntry("file", null);
        assertThat((Map<String, Object>) stills.get(1).get("error")).containsEntry("message", "no \"luck\"");
        assertThat(stills.get(2)).containsEntry("state", "NOT_CREATED").containsEntry("jobId", null);
    }

    @Test
    void givenStates_whenWritten_thenTheyAreListedByName() {
        Job identity = Job.queued(
                JobId.next(NOW),
                new IdempotencyKey("ak-mia"),
                new IdentitySpec("Mia", "a face", null, null, null, null, List.of(), DefaultShots.first(1)),
                "fake",
                NOW,
                null,
                null);

        String json = new String(
                new MoshiAwtInfluencerFiles()
                        .writeManifest(new InfluencerFiles.Manifest(
                                identity,
                                List.of(),
                                Map.of("SUCCEEDED", 1, "FAILED", 2, "NOT_CREATED", 3),
                                AssetKey.of("influencers", "X", "contact-sheet.png"),
                                NOW)),
                StandardCharsets.UTF_8);

        assertThat(json.indexOf("\"FAILED\"")).isLessThan(json.indexOf("\"NOT_CREATED\""));
        assertThat(json.indexOf("\"NOT_CREATED\"")).isLessThan(json.indexOf("\"SUCCEEDED\""));
        assertThat(json).contains("\"stills\": []");
    }

    private static Job still(Job identity, Shot shot) {
        StillSpec spec =
                new StillSpec("Mia", shot, ShotPrompt.build((IdentitySpec) identity.spec(), shot), "look_base_1");
        return Job.queued(
                JobId.next(NOW),
                new IdempotencyKey("ak-still-" + shot.index()),
                spec,
                "fake",
                NOW,
                null,
                identity.id());
    }

    private static StoredAsset asset(String key) {
        return new StoredAsset(
                AssetKind.STILL, new AssetKey(key), URI.create("mem:/" + key), 1234, SHA, "image/png", NOW);
    }
}
