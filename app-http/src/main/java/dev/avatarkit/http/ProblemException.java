package dev.avatarkit.http;

import java.time.Duration;
import java.util.Map;

/** Thrown by handlers to answer with a problem document (and optional headers such as WWW-Authenticate). */
final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail, field));
    }

    static ProblemException notFound(String field, String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail, field));
    }

    static ProblemException conflict(String field, String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail, field));
    }

    /** 429 with {@code Retry-After}: a limit is reached for now; the same request may succeed later. */
    static ProblemException tooMany(String slug, String title, String detail, Duration retryAfter) {
        return new ProblemException(
                Problem.of(429, slug, title, detail, null),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
