package dev.avatarkit.didsim;

import java.util.Locale;

/** Every fault the simulator injects; the JSON name is the lowercase constant name ({@code gateway_timeout_after_commit}). */
public enum FaultKind {
    /** 429 with {@code Retry-After} (param {@code retry_after}, seconds); D-ID publishes no limits, so this is a knob. */
    RATE_LIMIT(When.BEFORE),
    /** A 5xx before anything happens (param {@code status}, default 500: D-ID's {@code InternalServerError} body). */
    SERVER_ERROR(When.BEFORE),
    /** The gateway's 504 "Endpoint request timed out" and nothing was created. */
    GATEWAY_TIMEOUT(When.BEFORE),
    /** The call is handled (the talk IS created), then the gateway answers 504: the ambiguous create users reported. */
    GATEWAY_TIMEOUT_AFTER_COMMIT(When.AFTER),
    /** The connection is dropped without a response, before the call is handled. */
    RESET(When.BEFORE),
    /** The call is handled, then the connection is dropped without a response. */
    RESET_AFTER_COMMIT(When.AFTER),
    /** The call is handled, then the answer waits {@code delay_ms} (default 5000). */
    SLOW(When.AFTER),
    /** The call is handled, then its 2xx body is cut in half (unparseable JSON). */
    MALFORMED_JSON(When.AFTER),
    /** 451 moderation error at create (param {@code value}: the kind, default {@code ImageModerationError}). */
    MODERATION(When.BEFORE),
    /** 402 {@code InsufficientCreditsError}. */
    NO_CREDITS(When.BEFORE),
    /** A signed file URL answers 403 as if it had expired (route {@code GET /_sim/s3/{bucket}/{key}}). */
    EXPIRED_URL(When.BEFORE),
    /** The render created by this call ends {@code rejected} (moderation after acceptance). */
    REJECT_RENDER(When.RENDER),
    /** The render created by this call ends {@code error}. */
    FAIL_RENDER(When.RENDER),
    /** The render created by this call never sends its webhook. */
    WEBHOOK_DROP(When.RENDER),
    /** The render created by this call sends its webhook twice. */
    WEBHOOK_DUPLICATE(When.RENDER),
    /** The render created by this call sends its webhook {@code delay_ms} after it finished (after a poll saw it). */
    WEBHOOK_LATE(When.RENDER);

    /** When in a call's life the fault acts. */
    public enum When {
        BEFORE,
        AFTER,
        RENDER
    }

    public final When when;

    FaultKind(When when) {
        this.when = when;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a JSON name; an unknown name is an error that lists the known ones. */
    public static FaultKind fromJson(String name) {
        for (FaultKind k : values()) if (k.jsonName().equals(name.trim().toLowerCase(Locale.ROOT))) return k;
        throw new IllegalArgumentException("unknown fault kind '" + name + "'; known: "
                + java.util.Arrays.stream(values()).map(FaultKind::jsonName).toList());
    }
}
