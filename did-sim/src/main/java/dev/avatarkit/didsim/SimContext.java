package dev.avatarkit.didsim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the routes share: the clock, the settings, the stores and the counters.
 *
 * @param renderTime    how long a talk or clip takes from create to {@code done}
 * @param urlTtl        lifetime of a presigned result or upload URL (D-ID's example: about 24 h)
 * @param resignOnRead  true: every GET signs a fresh URL; false: the URL signed at completion is kept until it expires
 * @param credits       remaining credits (one per render); negative = unlimited
 */
record SimContext(
        InstantSource clock,
        Duration renderTime,
        Duration urlTtl,
        boolean resignOnRead,
        S3Signer signer,
        Bucket bucket,
        Renders renders,
        Catalogue catalogue,
        Stats stats,
        AtomicLong credits,
        long totalCredits) {

    Instant now() {
        return clock.instant();
    }

    /** A presigned URL for an object: fresh from now, or (re-sign off) from when the thing it belongs to was made. */
    String presign(String objectKey, Instant madeAt) {
        Instant from = resignOnRead || madeAt == null ? now() : madeAt;
        return signer.presign(objectKey, from.plus(urlTtl));
    }

    /** Takes one credit; false when none are left. */
    boolean spendCredit() {
        if (totalCredits < 0) return true;
        return credits.getAndUpdate(c -> c > 0 ? c - 1 : c) > 0;
    }
}
