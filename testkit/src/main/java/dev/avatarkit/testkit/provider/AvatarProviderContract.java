package dev.avatarkit.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.influencer.ShotPrompt;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Submission;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AvatarProvider} must show, whatever the provider or dialect. Extend it once per
 * implementation (a fake, or an adapter against a simulator) and supply the provider and a way to let renders
 * progress. Renders are followed across {@link RenderStatus#successor() successor} refs, as the engine does.
 */
public abstract class AvatarProviderContract {
    /** A 1×1 PNG: the smallest image every provider must accept as a reference. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** The provider under test (fresh or shared; tests use unique keys). */
    protected abstract AvatarProvider provider();

    /** Lets time pass for renders (advance a fake clock, or sleep briefly against a real server). */
    protected abstract void letRendersProgress();

    /** How many status reads a render may take before the test gives up. */
    protected int maxPolls() {
        return 100;
    }

    /** Whether the provider takes reference image uploads; override with {@code false} for one that has none. */
    protected boolean supportsReferenceUploads() {
        return true;
    }

    protected IdempotencyKey freshKey() {
        return new IdempotencyKey("ct-" + UUID.randomUUID());
    }

    /** An identity from a prompt and attributes only (no references), with one shot. */
    protected IdentitySpec sampleIdentity() {
        return new IdentitySpec(
                "Contract",
                "woman in her twenties, short black bob, freckles, denim jacket",
                "25",
                "woman",
                null,
                "Realistic",
                List.of(),
                DefaultShots.first(1));
    }

    /** A still of {@code identity}'s first shot, referencing its finished base look. */
    protected StillSpec sampleStill(IdentitySpec identity, ProviderRef baseLook) {
        Shot shot = identity.shots().shots().get(0);
        return new StillSpec(identity.name(), shot, ShotPrompt.build(identity, shot), baseLook.value());
    }

    /** A finished render: the ref it ended under and its last status. */
    protected record Finished(ProviderRef ref, RenderStatus status) {}

    /** Reads the status until the render finishes, following successor refs; asserts it passed only through PENDING/RUNNING. */
    protected Finished awaitFinished(ProviderRef ref) {
        ProviderRef current = ref;
        RenderStatus status = provider().status(current);
        for (int i = 0; i < maxPolls() && !status.phase().isFinished(); i++) {
            assertThat(status.phase()).isIn(RenderPhase.PENDING, RenderPhase.RUNNING);
            if (status.successor() != null) {
                current = status.successor();
            } else {
                letRendersProgress();
            }
            status = provider().status(current);
        }
        return new Finished(current, status);
    }

    private void assertSucceededWithADownloadableStill(Finished finished) throws Exception {
        assertThat(finished.status().phase()).isEqualTo(RenderPhase.SUCCEEDED);
        assertThat(finished.status().result(AssetKind.STILL)).isPresent();
        try (InputStream in = provider()
                .download(
                        finished.ref(),
                        finished.status().result(AssetKind.STILL).orElseThrow())) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
    }

    @Test
    void givenACreatedIdentity_whenPolled_thenItSucceedsWithAStillThatDownloads() throws Exception {
        Submission submission = provider().createIdentity(freshKey(), sampleIdentity(), List.of());
        assertThat(submission.ref()).isNotNull();

        assertSucceededWithADownloadableStill(awaitFinished(submission.ref()));
    }

    @Test
    void givenAFinishedBaseLook_whenAStillIsGenerated_thenItSucceedsAndDownloads() throws Exception {
        IdentitySpec identity = sampleIdentity();
        Finished base = awaitFinished(
                provider().createIdentity(freshKey(), identity, List.of()).ref());
        assertThat(base.status().phase()).isEqualTo(RenderPhase.SUCCEEDED);

        Submission still = provider().generateStill(freshKey(), sampleStill(identity, base.ref()));

        assertThat(still.ref()).isNotNull().isNotEqualTo(base.ref());
        assertSucceededWithADownloadableStill(awaitFinished(still.ref()));
    }

    @Test
    void givenKeyedCreates_whenTheSameKeyIsSentTwice_thenTheSameRefComesBack() {
        Assumptions.assumeTrue(
                provider().capabilities().idempotentCreate(), "the provider does not honour keys on creates");
        IdempotencyKey key = freshKey();
        IdentitySpec identity = sampleIdentity();

        Submission first = provider().createIdentity(key, identity, List.of());
        Submission again = provider().createIdentity(key, identity, List.of());

        assertThat(again.ref()).isEqualTo(first.ref());
    }

    @Test
    void givenAnUnknownRef_whenStatusIsRead_thenNotFound() {
        assertThatThrownBy(() -> provider()
                        .status(new ProviderRef(
                                "no-such-look-" + UUID.randomUUID().toString().substring(0, 8))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenAReferenceImage_whenUploaded_thenTheProviderAnswersAnAssetId() {
        Assumptions.assumeTrue(supportsReferenceUploads(), "the provider takes no reference uploads");

        String id = provider()
                .uploadReference(freshKey(), "face.png", "image/png", new ByteArrayInputStream(PNG), PNG.length);

        assertThat(id).isNotBlank();
    }
}
