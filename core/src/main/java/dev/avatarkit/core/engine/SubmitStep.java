package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobRender;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.ContentRejectedException;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.StaleJobException;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.UnauthorizedException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * QUEUED and SUBMITTING: the only place a paid create is sent. Rules (DESIGN §4.1–4.2):
 * the job is written as SUBMITTING (with its key) before the call; a job found in SUBMITTING had a create whose
 * outcome we don't know, so it is resent with the same key where the provider honours keys, and otherwise
 * reconciled through the provider's listing — and if that cannot settle it, parked in NEEDS_ATTENTION, never
 * resent blindly.
 */
final class SubmitStep {
    static final int RECONCILE_TRIES = 3;
    static final int MAX_SUBMIT_ATTEMPTS = 20;

    private final JobStore jobs;
    private final JobWrites writes;
    private final Renderers renderers;
    private final ConcurrencyGate gate;
    private final CreditBreaker breaker;
    private final EnginePolicy policy;
    private final RenderTimes renderTimes;
    private final PollStep poll;
    private final Object submitLock = new Object();

    SubmitStep(
            JobStore jobs,
            JobWrites writes,
            Renderers renderers,
            ConcurrencyGate gate,
            CreditBreaker breaker,
            EnginePolicy policy,
            RenderTimes renderTimes,
            PollStep poll) {
        this.jobs = jobs;
        this.writes = writes;
        this.renderers = renderers;
        this.gate = gate;
        this.breaker = breaker;
        this.policy = policy;
        this.renderTimes = renderTimes;
        this.poll = poll;
    }

    Instant run(Job job) {
        Instant now = now();
        if (job.state() == JobState.SUBMITTING) return resume(job);
        if (breaker.isOpen(now)) {
            writes.finish(
                    job,
                    JobState.FAILED,
                    new JobError(
                            "insufficient_credit",
                            "the provider account is out of credit; top up, then retry the job",
                            true));
            return null;
        }
        Job submitting;
        synchronized (submitLock) {
            if (!gate.tryEnter(job)) return now.plus(policy.gateRecheck());
            submitting = writes.save(job.submitting(now)); // write before call
        }
        return create(submitting);
    }

    /** A create was (maybe) sent before and we don't know what came of it. */
    private Instant resume(Job found) {
        // its render may have started when the job was written SUBMITTING, just before that create was sent (a
        // crash mid-create leaves no other trace; an unknown answer already stamped its send, which is kept)
        Job job = found.createInDoubt(found.updatedAt(), policy.renderTimeout(), now());
        if (renderers.capabilities(job).idempotentCreate()) {
            if (job.attempts() >= MAX_SUBMIT_ATTEMPTS)
                return needsAttention(job, "gave up after " + job.attempts() + " create attempts");
            return create(writes.save(job.submitting(now())));
        }
        return reconcile(job);
    }

    private Instant create(Job job) {
        Instant now = now();
        try {
            return accepted(job, renderers.submit(job));
        } catch (RateLimitedException e) {
            // a 429 created nothing: back to the queue, wait as long as the provider asked
            Duration wait = e.retryAfter().isZero() ? policy.submitRetryDelay() : e.retryAfter();
            writes.save(job.withState(JobState.QUEUED, now).rescheduled(now, now.plus(wait)));
            return now.plus(wait);
        } catch (ProviderUnavailableException e) {
            writes.save(job.withState(JobState.QUEUED, now)
                    .withError(error(e), now)
                    .rescheduled(now, now.plus(policy.submitRetryDelay())));
            return now.plus(policy.submitRetryDelay());
        } catch (ConflictException e) {
            return now.plus(policy.submitRetryDelay()); // the first request with this key is still in flight
        } catch (InsufficientCreditException e) {
            breaker.trip(now);
            writes.finish(job, JobState.FAILED, new JobError(e.code(), e.getMessage(), true));
            return null;
        } catch (UnauthorizedException e) {
            // a neutral code (the provider's own is in the message) so every app can say "check your key"
            writes.finish(job, JobState.FAILED, new JobError(JobError.UNAUTHORIZED, e.getMessage(), true));
            return null;
        } catch (ContentRejectedException e) {
            // moderation: the same content is refused again, so this is the job's answer, not a fault
            writes.finish(job, JobState.REJECTED, new JobError(e.code(), e.getMessage(), false));
            return null;
        } catch (InvalidRequestException | NotFoundException e) {
            writes.finish(job, JobState.FAILED, new JobError(e.code(), e.getMessage(), false));
            return null;
        } catch (ValidationException | UncheckedIOException e) {
            writes.finish(job, JobState.FAILED, new JobError("invalid_request", e.getMessage(), false));
            return null;
        } catch (StaleJobException e) {
            throw e;
        } catch (RuntimeException e) {
            // OutcomeUnknownException, or anything unexpected after the request may have left: stay SUBMITTING;
            // the next run resends with the same key or reconciles (see resume)
            JobEngine.logStepFailure(job, e);
            writes.save(job.withError(error(e), now).createInDoubt(now, policy.renderTimeout(), now));
            return renderers.capabilities(job).idempotentCreate()
                    ? now.plus(policy.submitRetryDelay())
                    : reconcile(jobs.find(job.id()).orElse(job));
        }
    }

    /**
     * The render started now, or, after a create whose outcome was unknown (resent, reconciled), possibly as early as
     * that create's send: its start is stamped there, so it is read with the renders started beside it. Stamped at
     * the resend instead (5 s later), a render whose create met a 502 was read up to 5 s after its neighbours, its
     * slot idle meanwhile, and taught {@link RenderTimes} a render up to 5 s too short.
     */
    private Instant accepted(Job job, Submission submission) {
        Instant now = now();
        Instant deadline = job.deadline() != null ? job.deadline() : now.plus(policy.renderTimeout());
        Job rendering = job.rendering(
                submission.ref(), submission.rawStatus(), now, now.plus(renderTimes.firstPoll(job, now)), deadline);
        try {
            Job saved = writes.save(rendering);
            // some providers answer a create with a finished render: act on that status now, no poll needed
            if (submission.finishedStatus().isPresent())
                return poll.handle(saved, submission.finishedStatus().get(), now);
            poll.watch(saved);
            return saved.nextRunAt();
        } catch (StaleJobException raced) {
            Job current = jobs.find(job.id()).orElseThrow();
            if (current.state() == JobState.CANCELED && current.providerRef() == null) {
                // canceled while the create was in flight: keep the render's id and cancel it at the provider
                Job withRef = writes.save(new Job(
                        current.id(),
                        current.kind(),
                        current.idempotencyKey(),
                        current.spec(),
                        current.provider(),
                        current.state(),
                        new JobRender(submission.ref(), submission.rawStatus()),
                        current.counters(),
                        current.times().scheduled(now, null),
                        current.outcome(),
                        current.lineage(),
                        current.version()));
                cancelQuietly(withRef);
                return null;
            }
            throw raced;
        }
    }

    /** Legacy dialects: find the render by its callback id; try a few times (listings lag), then ask a human. */
    private Instant reconcile(Job job) {
        Instant now = now();
        Instant since = job.createdAt().minus(Duration.ofMinutes(5));
        try {
            Optional<ProviderRef> found = renderers.reconcile(job, since);
            if (found.isPresent()) return accepted(job, new Submission(found.get(), "reconciled"));
        } catch (ProviderException e) {
            if (job.polls() < RECONCILE_TRIES * 3) {
                writes.save(job.polled(job.rawStatus(), now, now.plus(policy.submitRetryDelay())));
                return now.plus(policy.submitRetryDelay());
            }
        }
        if (job.polls() + 1 < RECONCILE_TRIES) {
            Job again = writes.save(job.polled(job.rawStatus(), now, now.plus(policy.submitRetryDelay())));
            return again.nextRunAt();
        }
        return needsAttention(
                job,
                "the create call's outcome is unknown and the provider's list shows no render" + " with key "
                        + job.providerKey() + "; check the provider's dashboard before submitting it again");
    }

    private Instant needsAttention(Job job, String message) {
        writes.finish(job, JobState.NEEDS_ATTENTION, new JobError("outcome_unknown", message, false));
        return null;
    }

    private void cancelQuietly(Job job) {
        try {
            renderers.cancel(job);
        } catch (RuntimeException e) {
            JobEngine.logStepFailure(job, e);
        }
    }

    private static JobError error(RuntimeException e) {
        String code = e instanceof ProviderException p ? p.code() : "internal_error";
        return new JobError(code, String.valueOf(e.getMessage()), true);
    }

    private Instant now() {
        return writes.clock().instant();
    }
}
