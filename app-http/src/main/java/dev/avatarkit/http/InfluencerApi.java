package dev.avatarkit.http;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.DefaultShots;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/influencers}: {@code {"name", "prompt", "age", "gender", "ethnicity", "style", "references": [url…],
 * "stills": n}} → 202 with the IDENTITY job; its stills follow as child jobs ({@code GET /v1/jobs?kind=STILL}).
 * Over HTTP, references must be http(s) URLs: the server never reads a path a client names.
 */
final class InfluencerApi {
    private final Backend backend;
    private final Idempotency idempotency;
    private final long jsonLimit;
    private final Admission admission;

    InfluencerApi(Backend backend, long jsonLimit, Admission admission) {
        this.backend = backend;
        this.admission = admission;
        this.idempotency = new Idempotency(backend.jobs(), backend.createJob());
        this.jsonLimit = jsonLimit;
    }

    void create(Context ctx) {
        Fields f = new Fields(Bodies.jsonObject(ctx, jsonLimit), "")
                .only(Set.of("name", "prompt", "age", "gender", "ethnicity", "style", "references", "stills"));
        List<String> references = new ArrayList<>();
        List<?> given = f.list("references");
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                String field = "references[" + (i + 1) + "]";
                if (!(given.get(i) instanceof String url)
                        || !(url.startsWith("https://") || url.startsWith("http://"))) {
                    throw new ValidationException(field, "'" + field + "' must be an http(s) URL");
                }
                references.add(url);
            }
        }
        Integer stills = f.integer("stills");
        int count = stills == null ? DefaultShots.DEFAULT_COUNT : stills;
        if (count < 1 || count > ShotList.MAX_SHOTS) {
            throw new ValidationException("stills", "'stills' must be 1–" + ShotList.MAX_SHOTS + ", was " + count);
        }
        IdentitySpec spec = new IdentitySpec(
                f.string("name"),
                f.string("prompt"),
                f.string("age"),
                f.string("gender"),
                f.string("ethnicity"),
                f.string("style"),
                references,
                DefaultShots.first(count));
        // the identity job plus one job per still: all of them will sit in the queue
        try (Admission.Ticket ticket = admission.admit(Client.of(ctx), 1 + count, "stills")) {
            Idempotency.Outcome outcome = idempotency.create(ctx, "influencers", spec, key -> {
                CreateInfluencer.Result result =
                        backend.createInfluencer().create(CreateInfluencer.Command.remote(spec, key));
                return new Idempotency.Outcome(result.identity(), result.created());
            });
            ticket.owns(List.of(outcome.job().id()));
            ctx.header("Location", "/v1/jobs/" + outcome.job().id().value());
            Responses.job(ctx, outcome.created() ? 202 : 200, outcome.job());
        }
    }
}
