package dev.avatarkit.http;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Download speed per provider, from job changes this process sees: the time a job entered DOWNLOADING to the time it
 * SUCCEEDED, and the bytes it stored meanwhile. A job that started downloading on another server is not measured.
 */
final class DownloadThroughput {
    /** Jobs finished elsewhere never come back to be removed; the oldest are dropped beyond this. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<JobId, Instant> downloadingSince = new LinkedHashMap<>();
    private final Timer duration;
    private final DistributionSummary bytesPerSecond;

    DownloadThroughput(MeterRegistry registry, String provider) {
        this.duration = Timer.builder("avatarkit.provider.download.duration")
                .tag("provider", provider)
                .description("from DOWNLOADING to SUCCEEDED, per job")
                .register(registry);
        this.bytesPerSecond = DistributionSummary.builder("avatarkit.provider.download.bytes.per.second")
                .tag("provider", provider)
                .baseUnit("bytes")
                .description("a job's stored bytes over its download time")
                .register(registry);
    }

    synchronized void accept(Job job) {
        if (job.state() == JobState.DOWNLOADING) {
            downloadingSince.putIfAbsent(job.id(), job.updatedAt());
            if (downloadingSince.size() > MAX_TRACKED) {
                downloadingSince.remove(downloadingSince.keySet().iterator().next());
            }
            return;
        }
        Instant since = downloadingSince.remove(job.id());
        if (since == null || job.state() != JobState.SUCCEEDED) return;
        Duration took = Duration.between(since, job.updatedAt());
        duration.record(took);
        long bytes = job.assets().stream().mapToLong(StoredAsset::size).sum();
        // a download faster than the clock's resolution counts as 1 ms rather than dividing by zero
        bytesPerSecond.record(bytes * 1000.0 / Math.max(1, took.toMillis()));
    }
}
