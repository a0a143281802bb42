package dev.avatarkit.heygen;

import static dev.avatarkit.heygen.Transport.Kind.WRITE;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.RenderStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the reference images uploaded for an identity ({@code DELETE /v3/assets/{id}}, July 2026 schema) once the
 * identity's look has finished rendering: HeyGen needs them until then, nobody after. Best effort and in memory: a
 * process that stops before the identity finishes leaves its uploads behind (listable with {@code GET /v3/assets}).
 */
final class ReferenceCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCleanup.class);
    private final Transport transport;
    private final V3Api writes;
    private final Map<ProviderRef, List<String>> pending = new ConcurrentHashMap<>();

    ReferenceCleanup(Transport transport, V3Api writes) {
        this.transport = transport;
        this.writes = writes;
    }

    /** Remembers the uploaded assets (not http(s) URLs) an identity was made from. */
    void track(ProviderRef identity, List<String> references) {
        List<String> assets = references == null
                ? List.of()
                : references.stream()
                        .filter(r -> !r.startsWith("https://") && !r.startsWith("http://"))
                        .toList();
        if (!assets.isEmpty()) pending.put(identity, assets);
    }

    /** Called with every status read; deletes the identity's uploads the first time it is finished. */
    void onStatus(ProviderRef ref, RenderStatus status) {
        if (!status.phase().isFinished()) return;
        List<String> assets = pending.remove(ref);
        if (assets == null) return;
        for (String id : assets) {
            try {
                transport.exchange(WRITE, true, "asset delete", () -> writes.deleteAsset(id));
            } catch (ProviderException e) {
                // a leftover upload costs nothing but storage; never fail a finished identity over it
                LOG.warn("could not delete reference asset {} of {}: {}", id, ref.value(), e.getMessage());
            }
        }
    }
}
