package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import dev.avatarkit.testkit.fakes.ManualClock;
import dev.avatarkit.testkit.jobs.JobSamples;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** /metrics per provider: renders in flight and queued (whole database), and download speed seen by this process. */
class ProviderMetricsTest {
    private static final Instant T = JobSamples.T0;
    private final InMemoryJobStore jobs = new InMemoryJobStore();
    private final ServerMetrics metrics = new ServerMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            jobs,
            "heygen",
            ManualClock.startingAt("2026-05-01T12:00:00Z"));

    @Test
    void givenProviderRequestsAndRetries_whenScraped_thenLatencyByRouteAndOutcomeAnd429sAndRetries() {
        metrics.exchanged("heygen", "GET v3/videos/{id}", "2xx", java.time.Duration.ofMillis(40));
        metrics.exchanged("heygen", "GET v3/videos/{id}", "2xx", java.time.Duration.ofMillis(60));
        metrics.exchanged("heygen", "POST v3/videos", "429", java.time.Duration.ofMillis(5));
        metrics.retrying("heygen", "video create", "rate_limited");

        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains(
                        "avatarkit_provider_requests_seconds_count{outcome=\"2xx\",provider=\"heygen\",route=\"GET v3/videos/{id}\"} 2")
                .contains(
                        "avatarkit_provider_requests_seconds_sum{outcome=\"2xx\",provider=\"heygen\",route=\"GET v3/videos/{id}\"} 0.1")
                .contains(
                        "avatarkit_provider_requests_seconds_count{outcome=\"429\",provider=\"heygen\",route=\"POST v3/videos\"} 1")
                .contains(
                        "avatarkit_provider_retries_total{operation=\"video create\",provider=\"heygen\",reason=\"rate_limited\"} 1.0");
    }

    @Test
    void givenJobsQueuedAndRendering_whenScraped_thenInFlightAndQueuedPerProvider() {
        jobs.insert(JobSamples.queued(JobSamples.id(1)));
        jobs.insert(JobSamples.queued(JobSamples.id(2)));
        jobs.insert(rendering(JobSamples.queued(JobSamples.id(3))));

        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("avatarkit_provider_renders_in_flight{provider=\"heygen\"} 1.0")
                .contains("avatarkit_provider_renders_queued{provider=\"heygen\"} 2.0");
    }

    @Test
    void givenAJobDownloadingFor2SecondsThen2MBStored_whenScraped_thenOneDownloadAt1MBPerSecond() {
        Job downloading =
                rendering(JobSamples.queued(JobSamples.id(1))).entering(JobState.DOWNLOADING, T.plusSeconds(10));
        Job done = downloading
                .withAsset(video(downloading, 2_000_000), T.plusSeconds(12))
                .withState(JobState.SUCCEEDED, T.plusSeconds(12));

        metrics.accept(downloading);
        metrics.accept(downloading.withVersion(5)); // a later write while downloading does not restart the clock
        metrics.accept(done);

        String scrape = metrics.scrape();
        assertThat(scrape)
                .contains("avatarkit_provider_download_bytes_per_second_bytes_count{provider=\"heygen\"} 1")
                .contains("avatarkit_provider_download_bytes_per_second_bytes_sum{provider=\"heygen\"} 1000000.0")
                .contains("avatarkit_provider_download_duration_seconds_sum{provider=\"heygen\"} 2.0");
    }

    @Test
    void givenAJobThatFailsWhileDownloading_thenNoThroughputIsRecorded() {
        Job downloading =
                rendering(JobSamples.queued(JobSamples.id(1))).entering(JobState.DOWNLOADING, T.plusSeconds(10));

        metrics.accept(downloading);
        metrics.accept(downloading.withState(JobState.FAILED, T.plusSeconds(11)));

        assertThat(metrics.scrape())
                .contains("avatarkit_provider_download_duration_seconds_count{provider=\"heygen\"} 0");
    }

    private static Job rendering(Job job) {
        return job.rendering(new ProviderRef("v-" + job.id().value()), "processing", T, T, T.plusSeconds(600));
    }

    private static StoredAsset video(Job job, long size) {
        return new StoredAsset(
                AssetKind.VIDEO,
                AssetKey.of("videos", job.id().value(), "video.mp4"),
                URI.create("file:///tmp/video.mp4"),
                size,
                "a".repeat(64),
                "video/mp4",
                T);
    }
}
