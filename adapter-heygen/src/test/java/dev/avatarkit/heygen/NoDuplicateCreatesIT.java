package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.sim.FaultKind;
import dev.avatarkit.sim.FaultRule;
import dev.avatarkit.sim.HeyGenSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoDuplicateCreatesIT {
    private static SubmitRequest request(VideoProvider p, String key) {
        return new SubmitRequest(
                VideoSpec.singleAvatar(
                        p.avatars(PageRequest.first(1)).items().get(0).id(),
                        p.voices(PageRequest.first(1)).items().get(0).id(),
                        "Hello"),
                new IdempotencyKey(key),
                null);
    }

    @Test
    void givenA5xxOnAV3Create_thenTheKeyedRetryCreatesExactlyOneRender() {
        try (HeyGenSimulator sim = SimulatorSupport.start();
                HeyGen heygen = SimulatorSupport.adapter(sim, ApiVersion.V3, Duration.ofSeconds(10))) {
            SubmitRequest req = request(heygen.videos(), "ak-dup-v3");
            sim.faults().add(FaultRule.on("POST /v3/videos", FaultKind.HTTP_503).next(1));
            heygen.videos().submit(req);
            assertThat(sim.stats().createsForIdempotencyKey("ak-dup-v3")).isEqualTo(1);
            assertThat(sim.stats().duplicateCreates()).isZero();
            WireConformance.assertClean("no-duplicates V3", sim);
        }
    }

    @Test
    void givenASlowLegacyCreateThatTimesOut_thenOutcomeUnknownAndReconcileFindsTheOneRender() {
        try (HeyGenSimulator sim = SimulatorSupport.start();
                HeyGen heygen = SimulatorSupport.adapter(sim, ApiVersion.V2, Duration.ofMillis(500))) {
            SubmitRequest req = request(heygen.videos(), "ak-dup-v2");
            Instant before = Instant.now().minusSeconds(60);
            sim.faults()
                    .add(FaultRule.on("POST /v2/video/generate", FaultKind.SLOW)
                            .delayMs(1500)
                            .next(1));
            assertThatThrownBy(() -> heygen.videos().submit(req)).isInstanceOf(OutcomeUnknownException.class);
            assertThat(heygen.videos().reconcile(req.key(), before)).isPresent();
            assertThat(sim.stats().createsForCallbackId("ak-dup-v2")).isEqualTo(1);
            assertThat(sim.stats().duplicateCreates()).isZero();
            WireConformance.assertClean("no-duplicates V2", sim);
        }
    }
}
