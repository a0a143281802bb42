package dev.avatarkit.heygen;

import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.UnauthorizedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a HeyGen error (HTTP status + provider code, either dialect) to the core exception that says what it means.
 * Code first where the code is unambiguous (a 200-with-error or a legacy 400 carrying an auth code), then status.
 */
final class ErrorMapper {
    private static final Set<String> CREDIT = Set.of("insufficient_credit", "movio_payment_insufficient_credit");
    private static final Set<String> AUTH = Set.of(
            "unauthorized",
            "authentication_failed",
            "forbidden",
            "resource_access_denied",
            "ai_vendor_access_restricted",
            "40009",
            "400112",
            "401057",
            "401056",
            "400599",
            "400573",
            "400562",
            "400631");
    private static final Set<String> NOT_FOUND = Set.of(
            "not_found",
            "resource_not_found",
            "avatar_not_found",
            "video_not_found",
            "voice_not_found",
            "template_not_found",
            "400144",
            "400116",
            "40031",
            "400174",
            "400569");
    private static final Set<String> RATE =
            Set.of("rate_limit_exceeded", "quota_exceeded", "trial_video_limit_exceeded", "400123", "400664");
    private static final Set<String> CONFLICT = Set.of("request_in_progress", "conflict");
    /** Moderation codes from the legacy error table: the content was refused, not the request. */
    static final Set<String> SERVER = Set.of("internal_error", "internal_server_error", "service_unavailable");

    static final Set<String> MODERATION = Set.of(
            "400105",
            "400168",
            "400625",
            "402007",
            "402008",
            "402009",
            "400680",
            "blocked_words_detected",
            "inappropriate_content",
            "celebrity_content",
            "unsafe_prompt");

    private ErrorMapper() {}

    /**
     * @param create     the call was a create: a 5xx then means "may exist" ({@link OutcomeUnknownException})
     * @param retryAfter already parsed and capped; used for 429s
     */
    static ProviderException map(
            int status, Envelope.WireError error, String requestId, Duration retryAfter, boolean create) {
        String code = error == null ? null : error.code();
        String lower = code == null ? "" : code.toLowerCase(Locale.ROOT);
        String message = message(status, code, error == null ? null : error.message(), requestId);
        if (CREDIT.contains(lower) || status == 402) {
            return new InsufficientCreditException(message, status, code, requestId, null);
        }
        if (RATE.contains(lower) || status == 429) {
            return new RateLimitedException(
                    message, retryAfter == null ? Duration.ZERO : retryAfter, status, code, requestId, null);
        }
        if (AUTH.contains(lower) || status == 401 || status == 403) {
            return new UnauthorizedException(message, status, code, requestId, null);
        }
        if (NOT_FOUND.contains(lower) || status == 404 || status == 410) {
            return new NotFoundException(message, status, code, requestId, null);
        }
        if (CONFLICT.contains(lower) || status == 409) {
            return new ConflictException(message, status, code, requestId, null);
        }
        // a server error reported inside a 200 is still a server error: on a create, the render may exist
        if (status >= 500 || SERVER.contains(lower)) {
            return create
                    ? new OutcomeUnknownException(
                            message + " (the create may have been accepted)", status, code, requestId, null)
                    : new ProviderUnavailableException(message, status, code, requestId, null);
        }
        return new InvalidRequestException(
                message, error == null ? null : error.param(), status, code, requestId, null);
    }

    /** A transport failure (timeout, reset, refused, unreadable body). */
    static ProviderException transport(String what, boolean create, boolean maybeSent, Throwable cause) {
        // The cause is described, not attached: transport messages can quote signed URLs.
        String type = cause == null
                ? ""
                : " (" + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + Redaction.text(cause.getMessage())) + ")";
        if (create && maybeSent) {
            return new OutcomeUnknownException(
                    "HeyGen " + what + " outcome unknown" + type
                            + ": the create may have been accepted; reconcile before creating again",
                    0,
                    null,
                    null,
                    null);
        }
        return new ProviderUnavailableException("HeyGen " + what + " failed" + type, 0, null, null, null);
    }

    /** HeyGen's code, message and request id, the three things its support asks for; never a bare "null". */
    private static String message(int status, String code, String text, String requestId) {
        StringBuilder sb = new StringBuilder("HeyGen ");
        sb.append(status == 200 ? "error in a 200 response" : "HTTP " + status);
        if (code != null) sb.append(" ").append(code);
        sb.append(": ")
                .append(text == null || text.isBlank() ? "no error message in the response" : Redaction.text(text));
        if (requestId != null && !requestId.isBlank())
            sb.append(" (request id ").append(requestId).append(")");
        return sb.toString();
    }
}
