package dev.avatarkit.sim;

import java.time.Instant;
import java.util.Map;

/** Creates render jobs for every API generation and publishes their outcome as webhooks. */
final class VideoService {
    private final SimContext ctx;

    VideoService(SimContext ctx) {
        this.ctx = ctx;
    }

    /** Input common to all create routes. */
    record Spec(String title, String script, String callbackId, String callbackUrl, String folderId) {}

    /** Either a created job or an error response (v3 gates: 429 concurrency, 402 credits). */
    record Result(VideoJob job, SimResponse error) {}

    Result create(SimRequest req, Generation gen, Spec spec) {
        return create(req, gen, spec, false);
    }

    /**
     * One item of {@code POST /v3/videos/batches}: HeyGen queues batch items ({@code queued}) instead of answering 429
     * at the concurrency limit, and the batch request carries no idempotency key of its own.
     */
    Result createBatchItem(SimRequest req, Spec spec) {
        return create(req, Generation.V3, spec, true);
    }

    private Result create(SimRequest req, Generation gen, Spec spec, boolean batchItem) {
        String key = req.apiKey();
        boolean paid;
        synchronized (this) {
            if (gen == Generation.V3
                    && !batchItem
                    && ctx.engine().active(key) >= ctx.engine().concurrency()) {
                return new Result(
                        null,
                        Envelopes.v3Error(
                                        429,
                                        "rate_limit_exceeded",
                                        "Concurrent video limit reached. Retry after the duration specified in the Retry-After header.",
                                        null)
                                .header(
                                        "Retry-After",
                                        String.valueOf(ctx.engine().secondsUntilSlot(key))));
            }
            paid = ctx.limits().spend(key, 1);
            if (gen == Generation.V3 && !paid) {
                return new Result(
                        null,
                        Envelopes.v3Error(
                                402,
                                "insufficient_credit",
                                "Your account has " + ctx.limits().credits(key)
                                        + " credits but this video requires 1 credits.",
                                null));
            }
        }
        String id = WebhookHub.randomHex(16);
        Instant now = ctx.clock().now();
        VideoJob job = new VideoJob(
                id,
                key,
                gen,
                spec.title(),
                spec.script(),
                spec.callbackId(),
                spec.callbackUrl(),
                gen == Generation.V3 && !batchItem ? req.header("Idempotency-Key") : null,
                spec.folderId(),
                now);
        if (!paid) {
            // Legacy accepts the job and reports the credit problem at poll time (reference §9.2).
            job.failCode = "MOVIO_PAYMENT_INSUFFICIENT_CREDIT";
            job.failMessage = "This operation requires 'api' credits. Please add credits to continue.";
        }
        for (FaultRule f : req.faults) {
            switch (f.kind()) {
                case UNKNOWN_STATUS -> job.unknownStatus = f.value();
                case FAIL_JOB -> {
                    job.failCode = gen == Generation.V3 ? "render_failed" : "400652";
                    job.failMessage = f.message() != null ? f.message() : "Video rendering failed.";
                }
                case COMPLETED_WITH_ERROR -> {
                    job.watermarkWarning = true;
                    job.failCode = "MOVIO_PAYMENT_INSUFFICIENT_CREDIT";
                    job.failMessage = f.message() != null
                            ? f.message()
                            : "Insufficient credit: the video was rendered with a watermark.";
                }
                default -> {}
            }
        }
        ctx.media().putVideo(id, spec.title(), spec.script());
        ctx.stats().jobCreated(job.idempotencyKey, job.callbackId);
        ctx.engine().add(job);
        return new Result(job, null);
    }

    /** Called by the engine when a job reaches completed/failed. */
    void finished(VideoJob job) {
        Map<String, Object> data;
        String type;
        if (job.state == VideoJob.State.COMPLETED) {
            type = "avatar_video.success";
            data = JsonMaps.obj(
                    "video_id",
                    job.id,
                    "url",
                    ctx.signer().fileUrl(job.id + ".mp4"),
                    "callback_id",
                    job.callbackId,
                    "gif_download_url",
                    null,
                    "video_page_url",
                    "https://app.heygen.com/videos/" + job.id,
                    "folder_id",
                    job.folderId);
        } else {
            type = "avatar_video.fail";
            data = JsonMaps.obj("video_id", job.id, "msg", job.failMessage, "callback_id", job.callbackId);
        }
        ctx.hub().publish(job.apiKey, type, data, job.callbackUrl, ctx.clock().now());
    }

    /** The v3 video object ({@code GET /v3/videos/{id}}); URLs are re-signed on every read. */
    Map<String, Object> v3Video(VideoJob j) {
        Instant now = ctx.clock().now();
        boolean done = j.state == VideoJob.State.COMPLETED;
        Map<String, Object> m = JsonMaps.obj(
                "id",
                j.id,
                "title",
                j.title,
                "status",
                j.v3Status(now, ctx.renderTime()),
                "created_at",
                j.createdAt.getEpochSecond(),
                "completed_at",
                j.completedAt == null ? null : j.completedAt.getEpochSecond(),
                "duration",
                done ? 1.0 : null,
                "video_url",
                done ? ctx.signer().fileUrl(j.id + ".mp4") : null,
                "captioned_video_url",
                null,
                "subtitle_url",
                done ? ctx.signer().fileUrl(j.id + ".srt") : null,
                "thumbnail_url",
                done ? ctx.signer().fileUrl(j.id + ".jpg") : null,
                "gif_url",
                null,
                "video_page_url",
                "https://app.heygen.com/videos/" + j.id,
                "folder_id",
                j.folderId);
        if (j.failCode != null && j.terminal()) {
            // failed, or completed-with-warning (watermark): v3 only has failure_* fields to carry it.
            m.put("failure_code", j.failCode);
            m.put("failure_message", j.failMessage);
        }
        return m;
    }

    /** The v1 status object ({@code GET /v1/video_status.get}). */
    Map<String, Object> v1Status(VideoJob j) {
        Instant now = ctx.clock().now();
        boolean done = j.state == VideoJob.State.COMPLETED;
        return JsonMaps.obj(
                "id",
                j.id,
                "status",
                j.legacyStatus(now, ctx.renderTime()),
                "video_url",
                done ? ctx.signer().fileUrl(j.id + ".mp4") : null,
                "thumbnail_url",
                done ? ctx.signer().fileUrl(j.id + ".jpg") : null,
                "gif_url",
                null,
                "caption_url",
                done ? ctx.signer().fileUrl(j.id + ".srt") : null,
                "video_url_caption",
                null,
                "duration",
                done ? 1.0 : null,
                "created_at",
                j.createdAt.getEpochSecond(),
                "callback_id",
                j.callbackId,
                "error",
                j.failCode != null && j.terminal()
                        ? JsonMaps.obj(
                                "code",
                                j.failCode.matches("\\d+") ? (Object) Long.parseLong(j.failCode) : j.failCode,
                                "message",
                                j.failMessage,
                                "detail",
                                j.failMessage)
                        : null);
    }
}
