package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;

/** The fix a person can try for a job that ended badly, from its state and error code. */
final class Hints {
    private Hints() {}

    static String of(JobError error, JobState state) {
        if (state == JobState.NEEDS_ATTENTION) {
            return "The provider may or may not have this render. Look for it in the provider's own dashboard before retrying:"
                    + " a retry renders (and pays) again.";
        }
        if (state == JobState.REJECTED)
            return "The provider's moderation refused the content. Change the script or image, then create a new job.";
        if (state == JobState.CANCELED) return "It was canceled. Retry renders it again.";
        return switch (error.code()) {
            case "render_timeout" ->
                "The render took too long. Retry polls the same render again; nothing is paid twice.";
            case "download_failed" ->
                "The render finished but its files could not be stored. Download again fetches them anew.";
            case "insufficient_credit" -> "The account is out of credit. Top it up at the provider, then retry.";
            case JobError.UNAUTHORIZED ->
                "The provider refused the API key. Check the key in the configuration, then retry.";
            default ->
                error.retryable()
                        ? "The failure looked temporary. Retry."
                        : "Check the input named in the message, then retry or create a new job.";
        };
    }
}
