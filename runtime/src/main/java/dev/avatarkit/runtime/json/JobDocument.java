package dev.avatarkit.runtime.json;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.StoredAsset;
import java.util.List;

/**
 * The job resource of DESIGN §7, the same document for {@code GET /v1/jobs/{id}} and {@code avatarkit --json jobs
 * show}. Field names are a contract.
 */
public record JobDocument(
        String id,
        String kind,
        String state,
        String provider,
        String providerRef,
        String providerStatus,
        String title,
        String batch,
        String parent,
        String createdAt,
        String updatedAt,
        int attempts,
        List<Asset> assets,
        Problem error,
        Problem warning) {

    /** One stored file of a job. */
    public record Asset(String kind, String uri, long size, String sha256, String contentType) {}

    /** A job's error or warning. */
    public record Problem(String code, String message, boolean retryable) {}

    public static JobDocument of(Job job) {
        return new JobDocument(
                job.id().value(),
                job.kind().name(),
                job.state().name(),
                job.provider(),
                job.providerRef() == null ? null : job.providerRef().value(),
                job.rawStatus(),
                job.title(),
                job.batchId() == null ? null : job.batchId().value(),
                job.parentId() == null ? null : job.parentId().value(),
                job.createdAt().toString(),
                job.updatedAt().toString(),
                job.attempts(),
                job.assets().stream().map(JobDocument::asset).toList(),
                job.error() == null
                        ? null
                        : new Problem(
                                job.error().code(),
                                job.error().message(),
                                job.error().retryable()),
                job.warning() == null
                        ? null
                        : new Problem(
                                job.warning().code(),
                                job.warning().message(),
                                job.warning().retryable()));
    }

    private static Asset asset(StoredAsset a) {
        return new Asset(a.kind().name().toLowerCase(), a.uri().toString(), a.size(), a.sha256(), a.contentType());
    }
}
