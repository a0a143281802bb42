package dev.avatarkit.cli.output;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import java.util.Optional;

/**
 * Decides which of a followed job's changes are worth a progress line. The job's version moves on every write
 * (a stored asset, a poll time), which printed the same DOWNLOADING line twice; and a job is QUEUED and SUBMITTING
 * only for an instant before the provider accepts it, which printed one or two lines more or fewer depending on
 * timing. So: a line when the state, the provider's status word or the error changes; QUEUED and SUBMITTING only
 * when they carry news (an error such as a 429, or a provider status), since "created job …" already said it exists.
 */
public final class StateChangeLines {
    private String lastShown;

    /** The line to print for this change, if any. */
    public Optional<String> next(Job job) {
        boolean transientStart = (job.state() == JobState.QUEUED || job.state() == JobState.SUBMITTING)
                && job.error() == null
                && job.rawStatus() == null;
        String what = job.state() + "|" + job.rawStatus() + "|"
                + (job.error() == null ? "" : job.error().code());
        if (transientStart || what.equals(lastShown)) {
            return Optional.empty();
        }
        lastShown = what;
        return Optional.of(JobView.change(job));
    }
}
