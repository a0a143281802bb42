package dev.avatarkit.sim;

import java.util.Map;

/** Success and error bodies in each API generation's own shape (reference §1–2 of each document). */
public final class Envelopes {
    private Envelopes() {}

    /** v3 single resource: {@code {"data":{...}}}. */
    public static SimResponse v3(Object data) {
        return SimResponse.json(200, JsonMaps.obj("data", data));
    }

    /** v3 list: {@code {"data":[...],"has_more":bool,"next_token":str|null}} (paging fields are siblings of data). */
    public static SimResponse v3List(ListPage<?> page) {
        return SimResponse.json(
                200, JsonMaps.obj("data", page.items(), "has_more", page.hasMore(), "next_token", page.nextToken()));
    }

    /** v3 error: {@code {"error":{"code","message","param","doc_url"}}}. */
    public static SimResponse v3Error(int status, String code, String message, String param) {
        return SimResponse.json(status, v3ErrorBody(code, message, param));
    }

    public static Map<String, Object> v3ErrorBody(String code, String message, String param) {
        return JsonMaps.obj(
                "error",
                JsonMaps.obj(
                        "code",
                        code,
                        "message",
                        message,
                        "param",
                        param,
                        "doc_url",
                        "https://developers.heygen.com/docs/error-codes#" + code.replace('_', '-')));
    }

    /** v2 success: {@code {"error":null,"data":{...}}}. */
    public static SimResponse v2(Object data) {
        return SimResponse.json(200, JsonMaps.obj("error", null, "data", data));
    }

    /** v2 error: {@code {"data":null,"error":{"code","message"}}}. */
    public static SimResponse v2Error(int status, String code, String message) {
        return SimResponse.json(
                status, JsonMaps.obj("data", null, "error", JsonMaps.obj("code", code, "message", message)));
    }

    /** v1 success: {@code {"code":100,"data":...,"message":"Success"}}. */
    public static SimResponse v1(Object data) {
        return SimResponse.json(200, JsonMaps.obj("code", 100, "data", data, "message", "Success"));
    }

    /** v1 error: {@code {"code":<int>,"message":"...","data":null}}. */
    public static SimResponse v1Error(int status, int code, String message) {
        return SimResponse.json(status, JsonMaps.obj("code", code, "message", message, "data", null));
    }

    /** A generic error in the shape of the route's generation; v1 maps to the closest documented numeric code. */
    public static SimResponse error(Generation g, int status, String code, String message) {
        return switch (g) {
            case V3 -> v3Error(status, code, message, null);
            case V2 -> v2Error(status, code, message);
            case V1 -> v1Error(status, v1Code(code), message);
            case SIM -> SimResponse.json(status, JsonMaps.obj("error", JsonMaps.obj("code", code, "message", message)));
        };
    }

    static int v1Code(String code) {
        return switch (code) {
            case "unauthorized", "authentication_failed" -> 400112;
            case "rate_limit_exceeded" -> 400123;
            case "invalid_parameter" -> 400175;
            case "not_found", "video_not_found" -> 40031;
            case "internal_error" -> 500;
            default -> 400;
        };
    }

    /** The 401 for a missing/wrong key, per generation. */
    public static SimResponse unauthorized(Generation g) {
        return switch (g) {
            case V3 ->
                v3Error(
                        401,
                        "authentication_failed",
                        "Invalid or expired API key. Verify your x-api-key header.",
                        null);
            case V2 -> v2Error(401, "unauthorized", "Unauthorized");
            default -> v1Error(401, 400112, "Unauthorized");
        };
    }

    /** A 429 for the request-rate gate, per generation. */
    public static SimResponse tooManyRequests(Generation g, long retryAfterSeconds) {
        SimResponse r = switch (g) {
            case V3, SIM ->
                v3Error(
                        429,
                        "rate_limit_exceeded",
                        "Too many requests. Retry after the duration specified in the Retry-After header.",
                        null);
            case V2 -> v2Error(429, "rate_limit_exceeded", "Too many requests, please retry later.");
            case V1 -> v1Error(429, 400123, "Exceed rate limit");
        };
        return r.header("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
    }
}
