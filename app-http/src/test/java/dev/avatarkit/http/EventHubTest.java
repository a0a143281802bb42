package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.testkit.jobs.JobSamples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The SSE ring: replay after Last-Event-ID, gap detection, and dropping a subscriber that falls behind. */
class EventHubTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void givenMoreEventsThanTheRingHolds_whenReplayingFromAnEvictedId_thenAGapIsReportedAndTheRetainedOnesReplayed()
            throws Exception {
        EventHub hub = new EventHub(3, 10, clock);
        Job job = JobSamples.queued(JobSamples.id(1));
        for (int i = 0; i < 5; i++) hub.accept(job);
        long base = clock.millis() * 1000;
        try (EventHub.Subscription late = hub.subscribe(j -> true, base + 1)) {
            assertThat(late.gap).isTrue();
            assertThat(late.poll(10).id()).isEqualTo(base + 3);
        }
        try (EventHub.Subscription recent = hub.subscribe(j -> true, base + 3)) {
            assertThat(recent.gap).isFalse();
            assertThat(recent.poll(10).id()).isEqualTo(base + 4);
            assertThat(recent.poll(10).id()).isEqualTo(base + 5);
            assertThat(recent.poll(10)).isNull();
        }
    }

    @Test
    void givenASubscriberThatDoesNotRead_whenItsQueueFills_thenItEndsInsteadOfBlockingPublishers() {
        EventHub hub = new EventHub(100, 2, clock);
        EventHub.Subscription slow = hub.subscribe(j -> true, null);
        for (int i = 0; i < 5; i++) hub.accept(JobSamples.queued(JobSamples.id(1)));
        assertThat(slow.ended()).isTrue();
        slow.close();
        assertThat(hub.subscriberCount()).isZero();
    }
}
