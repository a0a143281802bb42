package dev.avatarkit.did;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * D-ID's talk/clip status words by meaning: {@code created} is queued, {@code started} rendering, {@code done}
 * finished with a {@code result_url}, {@code error} failed (maybe worth a retry), {@code rejected} moderation (never
 * retried). Any other word is still running, with the raw word kept for display.
 */
final class StatusMapping {
    private StatusMapping() {}

    static RenderStatus of(Wire.Job job) {
        String raw = job.status() == null ? "unknown" : job.status();
        return switch (raw) {
            case "created" -> new RenderStatus(RenderPhase.PENDING, raw, List.of(), null, null);
            case "started" -> RenderStatus.running(raw);
            case "done" -> done(job, raw);
            case "error" ->
                new RenderStatus(RenderPhase.FAILED, raw, List.of(), failure(job, "render_failed", true), null);
            case "rejected" ->
                new RenderStatus(RenderPhase.REJECTED, raw, List.of(), failure(job, "content_rejected", false), null);
            default -> RenderStatus.running(raw);
        };
    }

    private static RenderStatus done(Wire.Job job, String raw) {
        URI url = resultUrl(job.resultUrl());
        if (url == null) {
            JobError missing = new JobError("no_result", "D-ID reported done without a usable result_url", true);
            return new RenderStatus(RenderPhase.FAILED, raw, List.of(), missing, null);
        }
        return new RenderStatus(RenderPhase.SUCCEEDED, raw, List.of(new ResultFile(AssetKind.VIDEO, url)), null, null);
    }

    private static URI resultUrl(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            URI url = URI.create(value);
            return "https".equals(url.getScheme()) || "http".equals(url.getScheme()) ? url : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The failure; D-ID documents {@code error{kind, description}} only for other resources, so it is optional. */
    private static JobError failure(Wire.Job job, String fallbackCode, boolean retryable) {
        Map<String, Object> error = job.error();
        String kind = error != null && error.get("kind") instanceof String k && !k.isBlank() ? k : null;
        String description = error != null && error.get("description") instanceof String d ? d : null;
        String message = "D-ID " + job.status() + (kind == null ? "" : " (" + kind + ")")
                + (description == null ? "" : ": " + description);
        return new JobError(fallbackCode, message, retryable);
    }
}
