package dev.avatarkit.cli.output;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import java.util.Optional;

/**
 * The command to run next for a job that ended badly. Core's errors carry codes, not commands; the CLI writes its own
 * hints (the dashboard and the HTTP API write theirs).
 */
public final class CliHints {
    private CliHints() {}

    public static Optional<String> of(Job job) {
        String retry = "`avatarkit jobs retry " + job.id() + "`";
        if (job.state() == JobState.NEEDS_ATTENTION) {
            return Optional.of(
                    "look for the render in the provider's dashboard first: " + retry + " submits (and pays) again");
        }
        JobError error = job.error();
        if (job.state() != JobState.FAILED || error == null) return Optional.empty();
        return Optional.ofNullable(
                switch (error.code()) {
                    case "render_timeout" -> retry + " polls the same render again; nothing is paid twice";
                    case "download_failed" -> retry + " downloads the files again without re-rendering";
                    case "insufficient_credit" -> "top up the provider account, then " + retry;
                    case JobError.UNAUTHORIZED ->
                        "check the provider's API key (`avatarkit config show`), then " + retry;
                    default -> error.retryable() ? retry + " tries again" : null;
                });
    }
}
