package dev.avatarkit.cli.app;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobConflictException;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.MissingApiKeyException;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.UnauthorizedException;
import picocli.CommandLine;

/**
 * The one place exit codes are decided (DESIGN §6, a contract): 0 ok · 1 job failed/rejected · 2 usage or
 * validation · 3 auth/permission · 4 {@code --wait} timed out · 5 provider unavailable. Also turns every failure
 * into the error document users and scripts see.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int TIMED_OUT = 4;
    public static final int UNAVAILABLE = 5;

    private ExitCodes() {}

    /** A failure as shown to users: stable code, message, what to do, the provider's request id. */
    public record Failure(int exitCode, String code, String message, String hint, String requestId, String field) {}

    /** How a job's final state ends a {@code --wait}. */
    public static int forState(JobState state) {
        return state == JobState.SUCCEEDED ? OK : state.isTerminal() ? JOB_FAILED : TIMED_OUT;
    }

    /** How a job ends a command: as {@link #forState}, except that a job the provider refused our key for is exit 3. */
    public static int forJob(Job job) {
        if (job.state() == JobState.FAILED && job.error() != null && job.error().isUnauthorized()) return AUTH;
        return forState(job.state());
    }

    /**
     * How {@code avatarkit doctor} ends, given what its failed checks threw: 3 if the provider refused the key (or
     * there is none), else 2 if something is misconfigured, else 1. A provider that is down is 1 here, not 5: the
     * doctor found a problem; it was not asked to do work that could be retried.
     */
    public static int forChecks(java.util.List<? extends Throwable> failures) {
        java.util.List<Integer> codes =
                failures.stream().map(f -> of(f).exitCode()).toList();
        if (codes.contains(AUTH)) return AUTH;
        if (codes.contains(USAGE)) return USAGE;
        return codes.isEmpty() ? OK : JOB_FAILED;
    }

    public static Failure of(Throwable thrown) {
        Throwable e = meaningful(thrown);
        if (e instanceof MissingApiKeyException m) {
            return new Failure(
                    AUTH,
                    "missing_api_key",
                    m.getMessage(),
                    "export " + m.field()
                            + "=<your key> (or put it in $AVATARKIT_HOME/config.properties), or add --sandbox",
                    null,
                    m.field());
        }
        if (e instanceof CommandLine.ParameterException p) {
            return new Failure(
                    USAGE,
                    "usage",
                    p.getMessage(),
                    "see: " + p.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help",
                    null,
                    null);
        }
        if (e instanceof ValidationException v) {
            return new Failure(USAGE, "invalid_input", v.getMessage(), null, null, v.field());
        }
        if (e instanceof JobNotFoundException) {
            return new Failure(USAGE, "job_not_found", e.getMessage(), null, null, "job");
        }
        if (e instanceof JobConflictException)
            return new Failure(USAGE, "job_conflict", e.getMessage(), null, null, "job");
        if (e instanceof ProviderException p) return provider(p);
        if (e instanceof StorageException s) {
            return new Failure(
                    JOB_FAILED, "storage_" + s.reason().name().toLowerCase(), s.getMessage(), null, null, null);
        }
        if (e instanceof InterruptedException)
            return new Failure(JOB_FAILED, "interrupted", "interrupted", null, null, null);
        return new Failure(
                JOB_FAILED,
                "internal",
                e.getClass().getSimpleName() + ": " + e.getMessage(),
                "run again with -v for details",
                null,
                null);
    }

    /** Guice and executors wrap what a provider method threw; the user cares about the avatarkit cause. */
    private static Throwable meaningful(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof dev.avatarkit.core.domain.AvatarkitException
                    || t instanceof CommandLine.ParameterException) return t;
            if (t.getCause() == t) break;
        }
        return thrown;
    }

    private static Failure provider(ProviderException p) {
        String requestId = p.requestId();
        if (p instanceof UnauthorizedException) {
            return new Failure(
                    AUTH,
                    p.code(),
                    p.getMessage(),
                    "check HEYGEN_API_KEY (https://app.heygen.com/settings?nav=API)",
                    requestId,
                    null);
        }
        if (p instanceof RateLimitedException || p instanceof ProviderUnavailableException) {
            return new Failure(
                    UNAVAILABLE,
                    p.code(),
                    p.getMessage(),
                    "HeyGen is busy or unreachable; try again later",
                    requestId,
                    null);
        }
        if (p instanceof InvalidRequestException || p instanceof NotFoundException) {
            return new Failure(USAGE, p.code(), p.getMessage(), null, requestId, null);
        }
        if (p instanceof InsufficientCreditException) {
            return new Failure(
                    JOB_FAILED,
                    p.code(),
                    p.getMessage(),
                    "top up your HeyGen credits, then: avatarkit jobs resume",
                    requestId,
                    null);
        }
        return new Failure(p.retryable() ? UNAVAILABLE : JOB_FAILED, p.code(), p.getMessage(), null, requestId, null);
    }
}
