package dev.avatarkit.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration CAP = Duration.ofSeconds(30);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void givenNoJitter_whenAttemptsGrow_thenTheDelayDoublesUpToTheCap() {
        Backoff exact = Backoff.withFactor(() -> 1.0);
        assertThat(IntStream.range(0, 7).mapToObj(a -> exact.delay(SECOND, CAP, 2.0, a)))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        CAP,
                        CAP);
        assertThat(exact.delay(SECOND, CAP, 2.0, Integer.MAX_VALUE)).isEqualTo(CAP);
    }

    @Test
    void givenFullJitter_thenEveryDelayLiesBetweenOneMillisecondAndTheCurve() {
        Backoff full = Backoff.fullJitter();
        for (int i = 0; i < 1_000; i++) {
            assertThat(full.delay(SECOND, CAP, 2.0, 3)).isBetween(Duration.ofMillis(1), Duration.ofSeconds(8));
        }
    }

    @Test
    void givenPollJitter_thenDelaysStayWithinTwentyPercentOfTheCurve() {
        Backoff polls = new Backoff(new Random(7));
        for (int i = 0; i < 1_000; i++) {
            assertThat(polls.delay(SECOND, CAP, 2.0, 2)).isBetween(Duration.ofMillis(3_200), Duration.ofMillis(4_800));
        }
    }

    @Test
    void givenRetryAfterLongerThanTheBackoff_thenItWinsButNeverPastTheCap() {
        Backoff exact = Backoff.withFactor(() -> 1.0);
        assertThat(exact.delay(SECOND, CAP, 2.0, 0, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(exact.delay(SECOND, CAP, 2.0, 3, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(8));
        assertThat(exact.delay(SECOND, CAP, 2.0, 0, Duration.ofHours(1))).isEqualTo(CAP);
        assertThat(Backoff.withFactor(() -> 1.25).delay(SECOND, CAP, 2.0, 9, null))
                .isEqualTo(CAP);
    }

    @Test
    void givenRetryAfterHeaders_thenSecondsAndHttpDatesAreReadAndGarbageIsZero() {
        String inTwelve = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
        assertThat(Backoff.retryAfter("7", clock, CAP)).isEqualTo(Duration.ofSeconds(7));
        assertThat(Backoff.retryAfter(inTwelve, clock, CAP)).isEqualTo(Duration.ofSeconds(12));
        assertThat(Backoff.retryAfter("3600", clock, CAP)).isEqualTo(CAP);
        assertThat(Backoff.retryAfter("soon", clock, CAP)).isZero();
        assertThat(Backoff.retryAfter(null, clock, CAP)).isZero();
    }
}
