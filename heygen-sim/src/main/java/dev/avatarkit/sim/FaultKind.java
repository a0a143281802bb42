package dev.avatarkit.sim;

import java.util.Locale;

/** Every fault the simulator can inject; the JSON name is the lowercase constant name. */
public enum FaultKind {
    /** 429 with Retry-After (param retry_after, seconds). */
    HTTP_429(Phase.BEFORE),
    HTTP_500(Phase.BEFORE),
    HTTP_502(Phase.BEFORE),
    HTTP_503(Phase.BEFORE),
    /** Close the connection without any response. */
    RESET(Phase.BEFORE),
    /** 200 whose body is an error in the route's shape; nothing is created. */
    OK_WITH_ERROR(Phase.BEFORE),
    /** 403 on a signed file URL as if it had expired. */
    EXPIRED_URL(Phase.BEFORE),
    /** Handle the request (create the job), then wait delay_ms before answering: the ambiguous create. */
    SLOW(Phase.AFTER),
    /** Handle the request (create the job), then answer a gateway's 502: the create committed, the client saw a failure. */
    HTTP_502_AFTER(Phase.AFTER),
    /** Handle the request, then send a cut-off JSON body. */
    MALFORMED_JSON(Phase.AFTER),
    /** Send Content-Length N but only `bytes` bytes (default half), then close. */
    TRUNCATE(Phase.AFTER),
    /** The job created by this call reports `value` (default rendering_hd) while it renders. */
    UNKNOWN_STATUS(Phase.JOB),
    /** The job completes with an error attached (watermark warning). */
    COMPLETED_WITH_ERROR(Phase.JOB),
    /** The job fails. */
    FAIL_JOB(Phase.JOB),
    /** Webhook sent without signature headers (route WEBHOOK). */
    WEBHOOK_UNSIGNED(Phase.WEBHOOK),
    /** Webhook signed with the wrong secret. */
    WEBHOOK_BAD_SIGNATURE(Phase.WEBHOOK),
    /** Webhook never delivered. */
    WEBHOOK_DROP(Phase.WEBHOOK);

    /** When in a request's life the fault acts. */
    public enum Phase {
        BEFORE,
        AFTER,
        JOB,
        WEBHOOK
    }

    public final Phase phase;

    FaultKind(Phase phase) {
        this.phase = phase;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultKind fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
