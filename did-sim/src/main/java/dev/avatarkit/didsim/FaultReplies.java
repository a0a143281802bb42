package dev.avatarkit.didsim;

/**
 * What each fault answers. D-ID sits behind an AWS API Gateway: gateway failures (429, 502-504) carry the gateway's
 * {@code {"message":…}} body, not D-ID's {@code {kind, description}} (the 504 text is the one users reported).
 */
final class FaultReplies {
    /** Marks "drop the connection, answer nothing". */
    static final Reply DROP = Reply.empty(0);

    private FaultReplies() {}

    static Reply before(FaultRule f) {
        return switch (f.kind()) {
            case RATE_LIMIT ->
                gateway(429, "Too Many Requests").header("Retry-After", String.valueOf(f.retryAfterSeconds()));
            case SERVER_ERROR ->
                f.status() == 500
                        ? Reply.error(500, "InternalServerError", "Stream Error")
                        : gateway(f.status(), f.status() == 503 ? "Service Unavailable" : "Internal server error");
            case GATEWAY_TIMEOUT -> gatewayTimeout();
            case RESET -> DROP;
            case MODERATION ->
                Reply.error(
                        451,
                        f.value() == null ? "ImageModerationError" : f.value(),
                        "Automatic content moderation - contact support if you would like to submit for manual review");
            case NO_CREDITS -> Reply.error(402, "InsufficientCreditsError", "not enough credits");
            case EXPIRED_URL -> ObjectRoutes.expired();
            default -> throw new IllegalStateException(f.kind() + " does not act before the call");
        };
    }

    /** Applied after the route ran (its effects, e.g. a created talk, stay). */
    static Reply after(FaultRule f, Reply reply) {
        return switch (f.kind()) {
            case GATEWAY_TIMEOUT_AFTER_COMMIT -> gatewayTimeout();
            case RESET_AFTER_COMMIT -> DROP;
            case SLOW -> {
                sleep(f.delayMs());
                yield reply;
            }
            case MALFORMED_JSON ->
                reply.status / 100 == 2 && reply.isJson()
                        ? copyHeaders(reply, Reply.bytes(reply.status, reply.contentType, FrontDoor.half(reply.bytes)))
                        : reply;
            default -> reply;
        };
    }

    private static Reply gatewayTimeout() {
        return gateway(504, "Endpoint request timed out");
    }

    private static Reply gateway(int status, String message) {
        return Reply.json(status, SimJson.object().put("message", message));
    }

    private static Reply copyHeaders(Reply from, Reply to) {
        from.headers.forEach(to::header);
        return to;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
