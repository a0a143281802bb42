package dev.avatarkit.http;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.CreateJob;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on our own POSTs, with no extra table: the job's core key is derived from the route scope
 * and the header value; a repeat finds that job and compares its stored spec (records compare by value) with the
 * new one. Same spec: the same job, 200. Different spec: 409. No header: every POST is a new job.
 * Keys are not scoped per bearer token: all tokens act for the same account.
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern SYNTAX = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** The job and whether this request created it. */
    record Outcome(Job job, boolean created) {}

    private final JobStore jobs;
    private final CreateJob create;

    Idempotency(JobStore jobs, CreateJob create) {
        this.jobs = jobs;
        this.create = create;
    }

    /** The header value, validated, or empty when absent. */
    static Optional<String> header(Context ctx) {
        String value = ctx.header(HEADER);
        if (value == null) return Optional.empty();
        if (!SYNTAX.matcher(value).matches()) {
            throw ProblemException.badRequest(HEADER, "'Idempotency-Key' must be 1–255 visible ASCII characters");
        }
        return Optional.of(value);
    }

    /** The job an earlier request with this Idempotency-Key created (409 if its body differed), if there is one. */
    Optional<Outcome> repeat(Context ctx, String scope, JobSpec spec) {
        Optional<String> header = header(ctx);
        if (header.isEmpty()) return Optional.empty();
        return jobs.findByKey(key(scope, header.get())).map(job -> replay(job, spec));
    }

    /** Creates through {@code creator} (a provider's CreateJob) under the request's key. */
    Outcome create(Context ctx, String scope, JobSpec spec, CreateJob creator) {
        return create(ctx, scope, spec, key -> {
            Insertion insertion = creator.create(new CreateJob.Command(spec, key, null, null));
            return new Outcome(insertion.job(), insertion.created());
        });
    }

    /** @param creator creates the job under the given key (null = mint one), or finds the job the key already has */
    Outcome create(Context ctx, String scope, JobSpec spec, Function<IdempotencyKey, Outcome> creator) {
        Optional<String> header = header(ctx);
        if (header.isEmpty()) return creator.apply(null);
        IdempotencyKey key = key(scope, header.get());
        Optional<Job> existing = jobs.findByKey(key);
        if (existing.isPresent()) return replay(existing.get(), spec);
        Outcome outcome = creator.apply(key);
        return outcome.created() ? outcome : replay(outcome.job(), spec);
    }

    private static IdempotencyKey key(String scope, String header) {
        return IdempotencyKey.derived("http", scope + "\n" + header);
    }

    static Outcome replay(Job job, JobSpec spec) {
        if (!job.spec().equals(spec)) throw reused();
        return new Outcome(job, false);
    }

    static ProblemException reused() {
        return ProblemException.conflict(HEADER, "this Idempotency-Key was already used with a different request body");
    }
}
