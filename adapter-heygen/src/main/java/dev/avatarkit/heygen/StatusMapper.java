package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HeyGen's status words → {@link RenderPhase}. The vocabularies differ per route (create says {@code waiting},
 * GET says {@code pending|processing}, bulk says {@code queued}, photo avatars say {@code in_progress|success}),
 * so the map is generous and anything unknown is RUNNING with the raw word kept.
 */
final class StatusMapper {
    private StatusMapper() {}

    static RenderPhase phase(String raw) {
        if (raw == null) return RenderPhase.RUNNING;
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "pending", "waiting", "queued", "pending_upload" -> RenderPhase.PENDING;
            case "completed", "complete", "success", "succeeded", "ready" -> RenderPhase.SUCCEEDED;
            case "failed", "fail", "error" -> RenderPhase.FAILED;
            default -> RenderPhase.RUNNING; // processing, in_progress, training, and words we do not know yet
        };
    }

    /**
     * Builds a status. {@code errorCode}/{@code errorMessage} come from the body's {@code error} or
     * {@code failure_*}: on a failure they say why (moderation codes → REJECTED); on a success they are a
     * warning (e.g. a watermarked video for want of API credit), never dropped silently.
     */
    static RenderStatus status(String raw, String errorCode, String errorMessage, List<ResultFile> results) {
        RenderPhase phase = phase(raw);
        boolean hasError = errorCode != null || errorMessage != null;
        String code = errorCode == null ? "provider_error" : errorCode;
        return switch (phase) {
            case SUCCEEDED ->
                new RenderStatus(
                        phase,
                        raw,
                        results,
                        null,
                        hasError
                                ? new JobError(code, errorMessage == null ? "" : Redaction.text(errorMessage), false)
                                : null);
            case FAILED -> {
                boolean moderated =
                        errorCode != null && ErrorMapper.MODERATION.contains(errorCode.toLowerCase(Locale.ROOT));
                yield new RenderStatus(
                        moderated ? RenderPhase.REJECTED : RenderPhase.FAILED,
                        raw,
                        List.of(),
                        new JobError(
                                code, errorMessage == null ? "render failed" : Redaction.text(errorMessage), false),
                        null);
            }
            default -> new RenderStatus(phase, raw, List.of(), null, null);
        };
    }

    static String code(Dtos.ItemError error) {
        return error == null ? null : error.codeText();
    }

    static String message(Dtos.ItemError error) {
        return error == null ? null : error.text();
    }

    /** Collects result files, skipping absent or unparseable URLs. */
    static final class Results {
        private final List<ResultFile> files = new ArrayList<>();

        Results add(AssetKind kind, String url) {
            if (url == null || url.isBlank()) return this;
            try {
                URI uri = URI.create(url.trim());
                if (uri.getScheme() != null && uri.getScheme().startsWith("http")) files.add(new ResultFile(kind, uri));
            } catch (IllegalArgumentException ignored) {
                // a malformed URL is treated as absent; a later status read gives a fresh one
            }
            return this;
        }

        List<ResultFile> list() {
            return files;
        }
    }
}
