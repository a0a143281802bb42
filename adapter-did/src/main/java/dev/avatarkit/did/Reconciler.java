package dev.avatarkit.did;

import dev.avatarkit.core.domain.IdempotencyKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the render an ambiguous create may have made. D-ID has no idempotency key, so every create carries the job's
 * key in {@code user_data} and {@code name}; this pages through {@code GET /talks} and {@code GET /clips} looking for
 * it. The listing's order is undocumented (assumed newest first), so a resource is left once a whole page is older
 * than {@code since} minus a clock-skew margin, or after {@link #MAX_PAGES} pages.
 */
final class Reconciler {
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10;
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final DidHttp http;

    Reconciler(DidHttp http) {
        this.http = http;
    }

    Optional<DidRef> find(IdempotencyKey key, Instant since) {
        for (DidRef.Resource resource : DidRef.Resource.values()) {
            Optional<DidRef> found = search(resource, key.value(), since.minus(SKEW));
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private Optional<DidRef> search(DidRef.Resource resource, String key, Instant oldest) {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageToken = token;
            Wire.Jobs jobs = http.read(
                    "GET " + resource.path(),
                    Wire.Jobs.class,
                    () -> http.readApi().list(resource.path(), PAGE_SIZE, pageToken));
            List<Wire.Job> items = resource == DidRef.Resource.TALK ? jobs.talks() : jobs.clips();
            if (items == null || items.isEmpty()) return Optional.empty();
            boolean anyRecent = false;
            for (Wire.Job job : items) {
                boolean recent = Timestamps.parse(job.createdAt())
                        .map(t -> !t.isBefore(oldest))
                        .orElse(true);
                anyRecent |= recent;
                if (recent && job.id() != null && (key.equals(job.userData()) || key.equals(job.name()))) {
                    return Optional.of(new DidRef(resource, job.id()));
                }
            }
            token = jobs.token();
            if (!anyRecent || token == null || token.isBlank()) return Optional.empty();
        }
        return Optional.empty();
    }
}
