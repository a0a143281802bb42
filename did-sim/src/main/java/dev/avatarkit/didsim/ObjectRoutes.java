package dev.avatarkit.didsim;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /_sim/s3/<key>?AWSAccessKeyId&Expires&Signature}: the simulated S3 behind D-ID's presigned result and
 * upload URLs. It answers like S3: 403 {@code AccessDenied} "Request has expired" after {@code Expires}, 403
 * {@code SignatureDoesNotMatch} for a tampered link, 404 {@code NoSuchKey} for a deleted object; a {@code Range:
 * bytes=N-} request gets 206 so a client can resume.
 */
final class ObjectRoutes {
    static final String TEMPLATE = "/_sim/s3/{*key}";
    private final SimContext ctx;

    ObjectRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        return List.of(Route.sim("GET", TEMPLATE, this::get));
    }

    private Reply get(Call call) {
        String key = call.param("key");
        switch (ctx.signer().check(key, call.query, ctx.now())) {
            case EXPIRED -> {
                return expired();
            }
            case BAD_SIGNATURE -> {
                return s3Error(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided.");
            }
            default -> {}
        }
        Bucket.StoredObject object = ctx.bucket().get(key);
        if (object == null) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        byte[] bytes = object.bytes().get();
        long from = rangeStart(call.header("Range"));
        if (from <= 0 || from >= bytes.length) {
            return Reply.bytes(200, object.contentType(), bytes).header("Accept-Ranges", "bytes");
        }
        return Reply.bytes(206, object.contentType(), Arrays.copyOfRange(bytes, (int) from, bytes.length))
                .header("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length)
                .header("Accept-Ranges", "bytes");
    }

    /** S3's answer to a presigned URL past its {@code Expires} (also the {@code expired_url} fault's answer). */
    static Reply expired() {
        return s3Error(403, "AccessDenied", "Request has expired");
    }

    private static Reply s3Error(int status, String code, String message) {
        return Reply.text(
                status,
                "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message><RequestId>" + Ids.next("").substring(0, 16) + "</RequestId></Error>");
    }

    /** The N of {@code bytes=N-}; 0 for anything else (the whole object is sent). */
    private static long rangeStart(String range) {
        if (range == null || !range.startsWith("bytes=") || !range.endsWith("-")) return 0;
        try {
            return Long.parseLong(range.substring(6, range.length() - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
