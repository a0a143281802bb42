package dev.avatarkit.http;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.StaleJobException;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.runtime.json.JobDocument;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** Creating (202, or 200 for an idempotent repeat), reading, listing, retrying and canceling jobs. */
final class JobApi {
    private final Backend backend;
    private final Idempotency idempotency;
    private final long jsonLimit;
    private final JobReadCache reads;
    private final Admission admission;

    JobApi(Backend backend, long jsonLimit, Admission admission) {
        this.backend = backend;
        this.admission = admission;
        this.idempotency = new Idempotency(backend.jobs(), backend.createJob());
        this.jsonLimit = jsonLimit;
        this.reads = new JobReadCache(backend.jobs(), backend.events(), backend.clock());
    }

    void createVideo(Context ctx) {
        Map<String, Object> body = Bodies.jsonObject(ctx, jsonLimit);
        VideoSpec spec = VideoRequests.parse(body);
        // the provider's capabilities, limits and dialect refuse what it can never render, before anything is stored
        CreateJob create = backend.createJob().forProvider(VideoRequests.provider(body));
        create.check(spec);
        backend.videoFor(create).preflight(spec);
        admitted(ctx, "videos", spec, create);
    }

    void createTemplateVideo(Context ctx) {
        String templateId = ctx.pathParam("id");
        Map<String, Object> body = new java.util.LinkedHashMap<>(Bodies.jsonObject(ctx, jsonLimit));
        CreateJob create = backend.createJob().forProvider(VideoRequests.provider(body));
        body.remove("provider");
        dev.avatarkit.core.usecase.Capabilities.require(
                create.route().provider(),
                backend.providers().capabilities(create.route()),
                dev.avatarkit.core.port.ProviderCapabilities.Feature.TEMPLATES);
        TemplateSpec spec = TemplateRequests.parse(backend.videoFor(create).template(templateId), body);
        admitted(ctx, "templates/" + templateId, spec, create);
    }

    /** A repeat of an accepted request finds its job even when the queue is full; anything new needs a slot. */
    private void admitted(Context ctx, String scope, JobSpec spec, CreateJob create) {
        Optional<Idempotency.Outcome> repeat = idempotency.repeat(ctx, scope, spec);
        if (repeat.isPresent()) {
            created(ctx, repeat.get());
            return;
        }
        try (Admission.Ticket ticket = admission.admit(Client.of(ctx), 1, "body")) {
            Idempotency.Outcome outcome = idempotency.create(ctx, scope, spec, create);
            ticket.owns(List.of(outcome.job().id()));
            created(ctx, outcome);
        }
    }

    private static void created(Context ctx, Idempotency.Outcome outcome) {
        ctx.header("Location", "/v1/jobs/" + outcome.job().id().value());
        Responses.job(ctx, outcome.created() ? 202 : 200, outcome.job());
    }

    /** The route producers poll hardest: a job read lately is served by its id's exact text, without parsing it. */
    void get(Context ctx) throws IOException {
        byte[] body = reads.cached(ctx.pathParam("id"));
        Responses.sendNow(ctx, "application/json", body != null ? body : reads.body(jobId(ctx)));
    }

    void list(Context ctx) {
        Set<JobState> states = enums(ctx.queryParam("state"), "state", JobState::valueOf, JobState.class);
        Set<JobKind> kinds = enums(ctx.queryParam("kind"), "kind", JobKind::valueOf, JobKind.class);
        String batch = ctx.queryParam("batch");
        String cursor = ctx.queryParam("cursor");
        int limit = limit(ctx.queryParam("limit"));
        JobQuery query = new JobQuery(
                states,
                kinds,
                batch == null ? null : new BatchId(batch),
                null,
                cursor == null ? null : cursor(cursor),
                limit);
        JobPage page = backend.manageJobs().list(query);
        Responses.json(
                ctx,
                200,
                Responses.JobList.class,
                new Responses.JobList(
                        page.jobs().stream().map(JobDocument::of).toList(),
                        page.next() == null ? null : page.next().value()));
    }

    void retry(Context ctx) {
        JobId id = jobId(ctx);
        Responses.job(ctx, 202, racing(() -> backend.manageJobs().retry(id)));
    }

    void cancel(Context ctx) {
        JobId id = jobId(ctx);
        Responses.job(ctx, 200, racing(() -> backend.manageJobs().cancel(id)));
    }

    /**
     * Cancel and retry are one compare-and-set beside a running engine; when a step wrote the job in between, the
     * operation is simply tried again on the fresh job (it re-reads), a few times, before answering 409.
     */
    private static Job racing(Supplier<Job> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (StaleJobException e) {
                if (attempt == 5)
                    throw ProblemException.conflict("id", "the job kept changing while this request ran; try again");
            }
        }
    }

    static JobId jobId(Context ctx) {
        try {
            return JobId.of(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw ProblemException.notFound(
                    "id", "no job with id '" + ctx.pathParam("id") + "' (ids are 26-character ULIDs)");
        }
    }

    private static JobId cursor(String value) {
        try {
            return JobId.of(value);
        } catch (ValidationException e) {
            throw new ValidationException("cursor", "'cursor' must be the 'next' value of a previous page");
        }
    }

    private static int limit(String value) {
        if (value == null) return 50;
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 1000) return limit;
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw new ValidationException("limit", "'limit' must be a whole number from 1 to 1000, was '" + value + "'");
    }

    private static <E extends Enum<E>> Set<E> enums(
            String value, String field, Function<String, E> parse, Class<E> type) {
        if (value == null || value.isBlank()) return Set.of();
        Set<E> out = EnumSet.noneOf(type);
        for (String part : value.split(",")) {
            try {
                out.add(parse.apply(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(
                        field, "unknown " + field + " '" + part.trim() + "'; use one of " + EnumSet.allOf(type));
            }
        }
        return out;
    }
}
