package dev.avatarkit.sim;

import java.io.OutputStream;
import java.util.List;

/** Serves signed files ({@code /_sim/files/<token>}) and synthetic blobs ({@code /_sim/blob?size=N}), with Range. */
final class FileRoutes {
    private static final int BLOCK = 64 * 1024;
    private static final byte[] PATTERN = pattern();
    private final MediaStore media;
    private final UrlSigner signer;

    FileRoutes(MediaStore media, UrlSigner signer) {
        this.media = media;
        this.signer = signer;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/_sim/files/{token}", Generation.SIM, false, this::file),
                new Route("GET", "/_sim/blob", Generation.SIM, false, this::blob));
    }

    private SimResponse file(SimRequest req) {
        String token = req.param("token");
        UrlSigner.Check check = signer.check("files/" + token, req.query.get("expires"), req.query.get("sig"));
        if (check != UrlSigner.Check.OK) return denied(check);
        MediaStore.Item item = media.get(token);
        if (item == null) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
        byte[] bytes = item.bytes().get();
        return ranged(
                req, item.contentType(), bytes.length, (out, from, len) -> out.write(bytes, (int) from, (int) len));
    }

    /** Unsigned blobs are allowed for benchmarks; if a signature is present it must be valid and fresh. */
    private SimResponse blob(SimRequest req) {
        long size;
        try {
            size = Long.parseLong(req.query.getOrDefault("size", "0"));
        } catch (NumberFormatException e) {
            return SimResponse.text(400, "text/plain", "size must be a number of bytes");
        }
        if (size < 0) return SimResponse.text(400, "text/plain", "size must be >= 0");
        if (req.query.containsKey("sig")) {
            UrlSigner.Check check = signer.check("blob/" + size, req.query.get("expires"), req.query.get("sig"));
            if (check != UrlSigner.Check.OK) return denied(check);
        }
        return ranged(req, "application/octet-stream", size, FileRoutes::writePattern);
    }

    static SimResponse denied(UrlSigner.Check check) {
        return check == UrlSigner.Check.EXPIRED
                ? s3Error(403, "AccessDenied", "Request has expired")
                : s3Error(
                        403,
                        "SignatureDoesNotMatch",
                        "The request signature we calculated does not match the signature you provided.");
    }

    /** Object stores answer in XML; clients must not expect JSON here. */
    static SimResponse s3Error(int status, String code, String message) {
        return SimResponse.text(
                status,
                "application/xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>");
    }

    /** Writes part of a body. */
    interface Slice {
        void write(OutputStream out, long from, long length) throws java.io.IOException;
    }

    static SimResponse ranged(SimRequest req, String type, long total, Slice slice) {
        String range = req.header("Range");
        long from = 0, to = total - 1;
        int status = 200;
        if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
            String spec = range.substring(6).trim();
            int dash = spec.indexOf('-');
            try {
                if (dash == 0) {
                    long n = Long.parseLong(spec.substring(1));
                    from = Math.max(0, total - n);
                } else {
                    from = Long.parseLong(spec.substring(0, dash));
                    if (dash < spec.length() - 1) to = Math.min(total - 1, Long.parseLong(spec.substring(dash + 1)));
                }
            } catch (NumberFormatException e) {
                from = total; // treated as unsatisfiable below
            }
            if (from >= total || from > to) {
                return SimResponse.text(416, "text/plain", "range not satisfiable")
                        .header("Content-Range", "bytes */" + total);
            }
            status = 206;
        }
        long start = from, len = to - from + 1;
        SimResponse r = SimResponse.stream(status, type, Math.max(0, len), out -> slice.write(out, start, len))
                .header("Accept-Ranges", "bytes");
        if (status == 206) r.header("Content-Range", "bytes " + from + "-" + to + "/" + total);
        return r;
    }

    /** Streams a deterministic pattern (byte at offset p = PATTERN[p % BLOCK]) without holding it in memory. */
    static void writePattern(OutputStream out, long from, long length) throws java.io.IOException {
        long pos = from, end = from + length;
        while (pos < end) {
            int off = (int) (pos % BLOCK);
            int n = (int) Math.min(BLOCK - off, end - pos);
            out.write(PATTERN, off, n);
            pos += n;
        }
    }

    /** The byte a blob holds at {@code offset}, for clients that want to verify content. */
    static byte patternAt(long offset) {
        return PATTERN[(int) (offset % BLOCK)];
    }

    private static byte[] pattern() {
        byte[] p = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) p[i] = (byte) ((i * 31 + 7) ^ (i >>> 8));
        return p;
    }
}
