package dev.avatarkit.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.ProviderCapabilities.Feature;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VideoProvider} must show, whatever the provider or dialect. Extend it once per
 * implementation (e.g. against a simulator) and supply the provider and a way to let renders progress.
 */
public abstract class VideoProviderContract {
    /** The provider under test (fresh or shared; tests use unique keys). */
    protected abstract VideoProvider provider();

    /** Lets time pass for renders (advance a fake clock, or sleep briefly against a real server). */
    protected abstract void letRendersProgress();

    /** How many status reads a render may take before the test gives up. */
    protected int maxPolls() {
        return 100;
    }

    protected IdempotencyKey freshKey() {
        return new IdempotencyKey("ct-" + UUID.randomUUID());
    }

    /** A render request using the first avatar and voice the provider lists. */
    protected SubmitRequest sampleRequest(IdempotencyKey key) {
        Catalog.Avatar avatar = provider().avatars(PageRequest.first(1)).items().get(0);
        Catalog.VoiceEntry voice =
                provider().voices(PageRequest.first(1)).items().get(0);
        return new SubmitRequest(
                VideoSpec.singleAvatar(avatar.id(), voice.id(), "Hello from the contract test."), key, null);
    }

    @Test
    void givenASubmittedRender_whenPolled_thenItSucceedsAndItsVideoDownloads() throws Exception {
        Submission submission = provider().submit(sampleRequest(freshKey()));
        assertThat(submission.ref()).isNotNull();
        RenderStatus status = provider().status(submission.ref());
        for (int i = 0; i < maxPolls() && !status.phase().isFinished(); i++) {
            assertThat(status.phase()).isIn(RenderPhase.PENDING, RenderPhase.RUNNING);
            letRendersProgress();
            status = provider().status(submission.ref());
        }
        assertThat(status.phase()).isEqualTo(RenderPhase.SUCCEEDED);
        assertThat(status.result(AssetKind.VIDEO)).isPresent();
        try (InputStream in = provider()
                .download(submission.ref(), status.result(AssetKind.VIDEO).orElseThrow())) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
    }

    @Test
    void givenAnUnknownRef_whenStatusIsRead_thenNotFound() {
        assertThatThrownBy(() -> provider()
                        .status(new ProviderRef(
                                "no-such-render-" + UUID.randomUUID().toString().substring(0, 8))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void givenASubmittedRender_whenReconciledByItsKey_thenItIsFound() {
        Instant before = Instant.now().minusSeconds(60);
        IdempotencyKey key = freshKey();
        Submission submission = provider().submit(sampleRequest(key));
        assertThat(provider().reconcile(key, before)).contains(submission.ref());
        assertThat(provider().reconcile(freshKey(), before)).isEmpty();
    }

    @Test
    void givenCatalogues_whenListedPageByPage_thenPagesHoldAtMostTheLimitAndTokensAdvance() {
        Page<Catalog.VoiceEntry> first = provider().voices(PageRequest.first(1));
        assertThat(first.items()).hasSize(1);
        if (first.hasMore()) {
            Page<Catalog.VoiceEntry> second = provider().voices(new PageRequest(1, first.nextToken()));
            assertThat(second.items()).hasSizeLessThanOrEqualTo(1);
            assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
        }
        assertThat(provider().avatars(PageRequest.first(2)).items())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(2);
        if (provider().capabilities().has(Feature.TEMPLATES)) {
            assertThat(provider().templates(PageRequest.first(5)).items()).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void givenAProviderWithoutTemplates_whenTemplatesAreAsked_thenItRefusesBeforeAnyCall() {
        // a provider that says it has templates is held to the listing above; one that says it has none must refuse
        Assumptions.assumeFalse(provider().capabilities().has(Feature.TEMPLATES), "the provider offers templates");
        assertThatThrownBy(() -> provider().templates(PageRequest.first(5)))
                .isInstanceOf(UnsupportedCapabilityException.class);
        assertThatThrownBy(() -> provider().template("any-template"))
                .isInstanceOf(UnsupportedCapabilityException.class);
    }
}
