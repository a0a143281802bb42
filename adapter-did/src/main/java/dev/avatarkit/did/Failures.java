package dev.avatarkit.did;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.ContentRejectedException;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.UnauthorizedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Turns D-ID's answers into the port's exceptions. D-ID has no numeric error code: the HTTP status decides the
 * meaning and {@code kind} (e.g. {@code TextModerationError}) is kept as the provider code. Bodies that are not
 * D-ID's {@code {kind, description}} (a gateway's 502/504) are classified by status alone.
 */
final class Failures {
    private static final int MAX_DESCRIPTION = 300;
    private final JsonAdapter<Wire.Problem> problems;
    private final Redactor redactor;

    Failures(Moshi moshi, Redactor redactor) {
        this.problems = moshi.adapter(Wire.Problem.class);
        this.redactor = redactor;
    }

    /** An HTTP error answer. {@code create}: the call may have created a render, so 5xx means "outcome unknown". */
    ProviderException fromStatus(String what, int status, byte[] body, Duration retryAfter, boolean create) {
        Wire.Problem problem = parse(body);
        String kind = problem == null ? null : problem.kind();
        String text = describe(problem);
        String message = redactor.scrub("D-ID " + what + " failed: HTTP " + status + (kind == null ? "" : " " + kind)
                + (text.isEmpty() ? "" : ": " + text));
        if (status >= 500) {
            return create
                    ? new OutcomeUnknownException(
                            message + "; the render may have been created", status, kind, null, null)
                    : new ProviderUnavailableException(message, status, kind, null, null);
        }
        return switch (status) {
            case 401, 403 ->
                new UnauthorizedException(
                        message + "; check " + DidPlugin.API_KEY + " and " + DidPlugin.AUTH_SCHEME,
                        status,
                        kind,
                        null,
                        null);
            case 402 ->
                new InsufficientCreditException(message + "; top up your D-ID credits", status, kind, null, null);
            case 404 -> new NotFoundException(message, status, kind, null, null);
            case 409 -> new ConflictException(message, status, kind, null, null);
            case 429 -> new RateLimitedException(message, retryAfter, status, kind, null, null);
            case 451 -> new ContentRejectedException(message, param(problem), 451, kind, null);
            default -> new InvalidRequestException(message, param(problem), status, kind, null, null);
        };
    }

    /** No HTTP answer. A refused connection never reached D-ID; anything later may have created the render. */
    ProviderException fromTransport(String what, IOException e, boolean create) {
        String message = "D-ID " + what + ": " + e.getClass().getSimpleName();
        boolean neverSent = e instanceof ConnectException || e instanceof UnknownHostException;
        if (create && !neverSent) {
            return new OutcomeUnknownException(message + " after sending; the render may have been created", e);
        }
        return new ProviderUnavailableException(message, e);
    }

    /** A 2xx whose body we cannot read: for a create the render probably exists, so it is outcome-unknown. */
    ProviderException unreadable(String what, int status, boolean create) {
        String message = "D-ID " + what + ": unreadable " + status + " response";
        return create
                ? new OutcomeUnknownException(message + "; the render may have been created", status, null, null, null)
                : new ProviderUnavailableException(message, status, null, null, null);
    }

    private Wire.Problem parse(byte[] body) {
        if (body == null || body.length == 0) return null;
        try {
            return problems.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException notJson) {
            return null; // a gateway's HTML or plain text: the status alone decides
        }
    }

    private static String describe(Wire.Problem problem) {
        if (problem == null) return "";
        String text = problem.description() != null ? problem.description() : problem.message();
        if (text == null) return "";
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) + "…" : text;
    }

    /**
     * The request field a 400/415/451 is about. D-ID names no field, so it is read from {@code details} when that
     * names one, else guessed from the documented descriptions ("invalid source url", "invalid image"…).
     */
    static String param(Wire.Problem problem) {
        if (problem == null) return null;
        if (problem.details() instanceof Map<?, ?> details) {
            for (String key : new String[] {"param", "field", "path"}) {
                if (details.get(key) instanceof String s && !s.isBlank()) return s;
            }
        }
        String kind = problem.kind() == null ? "" : problem.kind();
        String text = (problem.description() == null ? "" : problem.description()).toLowerCase(Locale.ROOT);
        if (kind.startsWith("Image")
                || kind.startsWith("Celebrity")
                || text.contains("source url")
                || text.contains("image")) {
            return "source_url";
        }
        if (kind.startsWith("Text") || text.contains("script") || text.contains("input")) return "script.input";
        if (kind.startsWith("Audio") || text.contains("audio")) return "script.audio_url";
        if (text.contains("voice")) return "script.provider.voice_id";
        if (text.contains("presenter") || text.contains("actor")) return "presenter_id";
        if (kind.equals("UnsupportedMimeTypeError")) return "source_url";
        return null;
    }
}
