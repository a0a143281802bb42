package dev.avatarkit.http;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.port.StorageException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/jobs/{id}/assets/{kind}}: a 302 to a short-lived presigned URL when the store has them (S3),
 * else the bytes streamed from the store with single-range {@code Range} support (206 + Content-Range; 416 when
 * unsatisfiable). Constant memory whatever the size.
 */
final class AssetApi {
    static final Duration PRESIGN_TTL = Duration.ofMinutes(5);
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Logger LOG = LoggerFactory.getLogger(AssetApi.class);
    private final Backend backend;

    AssetApi(Backend backend) {
        this.backend = backend;
    }

    void download(Context ctx) throws IOException {
        try {
            serve(ctx);
        } catch (StorageException e) {
            if (e.reason() != StorageException.Reason.INVALID_KEY) throw e;
            // the store refuses the object (e.g. a symbolic link leading out of it): the client cannot fix that and it
            // is no crash either; an operator should look, so a warning without a stack trace
            LOG.warn("asset of job {} refused by the store: {}", ctx.pathParam("id"), e.getMessage());
            throw ProblemException.notFound(
                    "kind", "the " + ctx.pathParam("kind") + " asset of this job cannot be served");
        }
    }

    private void serve(Context ctx) throws IOException {
        Job job = backend.manageJobs().get(JobApi.jobId(ctx));
        AssetKind kind = AssetKind.parse(ctx.pathParam("kind"));
        StoredAsset asset = job.assets().stream()
                .filter(a -> a.kind() == kind)
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        "kind",
                        "job " + job.id() + " has no " + kind.name().toLowerCase() + " asset (state " + job.state()
                                + ")"));
        Optional<URI> presigned = backend.assets().presignedUrl(asset.key(), PRESIGN_TTL);
        if (presigned.isPresent()) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(presigned.get().toString(), io.javalin.http.HttpStatus.FOUND);
            return;
        }
        long size = backend.assets()
                .stat(asset.key())
                .orElseThrow(() -> new StorageException(StorageException.Reason.NOT_FOUND, "missing", null))
                .size();
        long[] range = range(ctx.header("Range"), size);
        ctx.res().setHeader("Accept-Ranges", "bytes");
        ctx.res().setHeader("ETag", "\"" + asset.sha256() + "\"");
        ctx.res().setContentType(asset.contentType());
        if (range == null) {
            ctx.res().setStatus(200);
            stream(ctx, asset, 0, size);
        } else {
            ctx.res().setStatus(206);
            ctx.res().setHeader("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
            stream(ctx, asset, range[0], range[1] - range[0] + 1);
        }
    }

    private void stream(Context ctx, StoredAsset asset, long offset, long length) throws IOException {
        ctx.res().setContentLengthLong(length);
        try (InputStream in = backend.assets().open(asset.key(), offset)) {
            OutputStream out = ctx.res().getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) break;
                out.write(buffer, 0, n);
                left -= n;
            }
            out.flush();
        }
    }

    /** {start, end} inclusive, or null for the whole file; multi-range and malformed headers are ignored (RFC 9110). */
    static long[] range(String header, long size) {
        if (header == null) return null;
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return null;
        long start;
        long end;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) throw unsatisfiable(size);
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (start >= size || start > end) throw unsatisfiable(size);
        return new long[] {start, end};
    }

    private static ProblemException unsatisfiable(long size) {
        return new ProblemException(
                Problem.of(
                        416,
                        "range-not-satisfiable",
                        "Range not satisfiable",
                        "the asset has " + size + " bytes",
                        "Range"),
                java.util.Map.of("Content-Range", "bytes */" + size));
    }
}
