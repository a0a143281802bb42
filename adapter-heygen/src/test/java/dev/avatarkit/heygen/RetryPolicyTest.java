package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.SubmitRequest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    static final String STATUS_OK = "{\"data\":{\"id\":\"v1\",\"status\":\"processing\"}}";
    static final String CREATED = "{\"data\":{\"video_id\":\"v1\",\"status\":\"waiting\",\"output_format\":\"mp4\"}}";
    static final SubmitRequest SUBMIT =
            new SubmitRequest(VideoSpec.singleAvatar("look1", "voice1", "Hello"), new IdempotencyKey("ak-job-1"), null);

    @Test
    void given429WithSecondsRetryAfter_whenReading_thenSleepsThatLongAndRetries() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.enqueue(new MockResponse()
                    .setResponseCode(429)
                    .setHeader("Retry-After", "7")
                    .setBody("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}"));
            w.json(200, STATUS_OK);
            assertThat(w.heygen.videos().status(new ProviderRef("v1")).rawStatus())
                    .isEqualTo("processing");
            assertThat(w.sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
        }
    }

    @Test
    void given429WithHttpDateRetryAfter_whenReading_thenSleepsUntilThatDate() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    w.clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
            w.enqueue(new MockResponse()
                    .setResponseCode(429)
                    .setHeader("Retry-After", date)
                    .setBody("{}"));
            w.json(200, STATUS_OK);
            w.heygen.videos().status(new ProviderRef("v1"));
            assertThat(w.sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
        }
    }

    @Test
    void givenHugeRetryAfter_thenItIsCappedAndPersistent429sEndAsRateLimited() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            for (int i = 0; i < 4; i++)
                w.enqueue(new MockResponse()
                        .setResponseCode(429)
                        .setHeader("Retry-After", "3600")
                        .setBody("{}"));
            assertThatThrownBy(() -> w.heygen.videos().status(new ProviderRef("v1")))
                    .isInstanceOf(RateLimitedException.class)
                    .satisfies(e ->
                            assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(30)));
            assertThat(w.sleeper.sleeps()).allMatch(d -> d.equals(Duration.ofSeconds(30)));
        }
    }

    @Test
    void given5xxOnGet_thenRetriedWithExponentialBackoff() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(502, "bad gateway").json(503, "{}").json(200, STATUS_OK);
            w.heygen.videos().status(new ProviderRef("v1"));
            assertThat(w.sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(w.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void given5xxOnLegacyCreate_thenNotRetriedAndOutcomeUnknown() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(500, "{\"error\":{\"code\":\"internal_error\",\"message\":\"boom\"}}")
                    .json(200, "{\"error\":null,\"data\":{\"video_id\":\"dup\"}}");
            assertThatThrownBy(() -> w.heygen.videos().submit(SUBMIT))
                    .isInstanceOf(OutcomeUnknownException.class)
                    .satisfies(e -> assertThat(((OutcomeUnknownException) e).requestId())
                            .isEqualTo("req-500"));
            assertThat(w.server.getRequestCount()).isEqualTo(1);
            assertThat(w.sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void givenDroppedConnectionOnLegacyCreate_thenOutcomeUnknownWithoutRetry() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
            w.json(200, "{\"error\":null,\"data\":{\"video_id\":\"dup\"}}");
            assertThatThrownBy(() -> w.heygen.videos().submit(SUBMIT)).isInstanceOf(OutcomeUnknownException.class);
            assertThat(w.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void given5xxOnV3Create_thenRetriedWithTheSameIdempotencyKey() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(500, "{\"error\":{\"code\":\"internal_error\",\"message\":\"x\"}}")
                    .json(200, CREATED);
            assertThat(w.heygen.videos().submit(SUBMIT).ref().value()).isEqualTo("v1");
            RecordedRequest first = w.take();
            RecordedRequest second = w.take();
            assertThat(first.getHeader("Idempotency-Key")).isEqualTo("ak-job-1");
            assertThat(second.getHeader("Idempotency-Key")).isEqualTo("ak-job-1");
        }
    }

    @Test
    void given409InProgress_thenWaitsAndRetriesSameKey() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(409, "{\"error\":{\"code\":\"request_in_progress\",\"message\":\"in flight\"}}")
                    .json(200, CREATED);
            w.heygen.videos().submit(SUBMIT);
            assertThat(w.sleeper.sleeps()).hasSize(1);
            assertThat(w.take().getHeader("Idempotency-Key")).isEqualTo(w.take().getHeader("Idempotency-Key"));
        }
    }

    @Test
    void givenPersistent409_thenConflictSurfaces() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            for (int i = 0; i < 4; i++)
                w.json(409, "{\"error\":{\"code\":\"request_in_progress\",\"message\":\"in flight\"}}");
            assertThatThrownBy(() -> w.heygen.videos().submit(SUBMIT)).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void givenPersistent5xxOnGet_thenProviderUnavailableAfterBudget() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            for (int i = 0; i < 4; i++) w.json(503, "{}");
            assertThatThrownBy(() -> w.heygen.videos().status(new ProviderRef("v1")))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(w.server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void rateGateLetsASecondsWorthGoAtOnceThenSpacesRequestsAndDrainsAfter429() throws Exception {
        var clock = dev.avatarkit.testkit.fakes.ManualClock.startingAt("2026-01-01T00:00:00Z");
        var sleeper = new dev.avatarkit.testkit.fakes.RecordingSleeper(clock);
        RateGate gate = new RateGate(4, clock, sleeper);
        for (int i = 0; i < 4; i++) gate.acquire(); // a burst of a second's worth starts at once
        assertThat(sleeper.sleeps()).isEmpty();
        gate.acquire();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(250));
        gate.drain(Duration.ofSeconds(5));
        gate.acquire();
        assertThat(sleeper.sleeps()).last().isEqualTo(Duration.ofSeconds(5));
        gate.acquire(); // after a 429, spaced again at half the rate: no burst
        assertThat(sleeper.sleeps()).last().isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void rateGateHalvesOnceA429DrainAndGrowsBackOneASecondUpToItsCeiling() throws Exception {
        var clock = dev.avatarkit.testkit.fakes.ManualClock.startingAt("2026-01-01T00:00:00Z");
        var sleeper = new dev.avatarkit.testkit.fakes.RecordingSleeper(clock);
        RateGate gate = new RateGate(40, clock, sleeper);
        assertThat(gate.rate(clock.instant())).isEqualTo(40);

        gate.drain(Duration.ofSeconds(2));
        gate.drain(Duration.ofSeconds(2)); // another request in flight met the same limit: halved once
        assertThat(gate.rate(clock.instant())).isEqualTo(20);
        gate.acquire();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));

        clock.advance(Duration.ofSeconds(10)); // ten seconds without a 429 since the drain ended
        assertThat(gate.rate(clock.instant())).isEqualTo(30);
        gate.drain(Duration.ofSeconds(1)); // a new limit: half of the current rate
        assertThat(gate.rate(clock.instant())).isEqualTo(15);
        clock.advance(Duration.ofMinutes(1));
        assertThat(gate.rate(clock.instant())).isEqualTo(40); // never above the configured ceiling
        for (int i = 0; i < 40; i++) gate.acquire(); // a second's worth at once again
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void rateGateNeverHalvesBelowOneASecondAndZeroDisablesIt() throws Exception {
        var clock = dev.avatarkit.testkit.fakes.ManualClock.startingAt("2026-01-01T00:00:00Z");
        var sleeper = new dev.avatarkit.testkit.fakes.RecordingSleeper(clock);
        RateGate gate = new RateGate(2, clock, sleeper);
        for (int i = 0; i < 3; i++) {
            gate.drain(Duration.ofMillis(100));
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(gate.rate(clock.instant())).isEqualTo(RateGate.FLOOR);

        RateGate off = new RateGate(0, clock, sleeper);
        off.drain(Duration.ofSeconds(5));
        for (int i = 0; i < 100; i++) off.acquire();
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
