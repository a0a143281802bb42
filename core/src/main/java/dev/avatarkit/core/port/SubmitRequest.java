package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Require;
import java.net.URI;

/**
 * A create call: the spec, the job's idempotency key (sent as {@code Idempotency-Key} on v3 and as
 * {@code callback_id} on every dialect, the same on every retry), and an optional webhook callback URL.
 */
public record SubmitRequest(JobSpec spec, IdempotencyKey key, URI callbackUrl) {
    public SubmitRequest {
        Require.nonNull(spec, "spec");
        Require.nonNull(key, "key");
    }
}
