package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.JobStore;
import java.time.Clock;

/**
 * Accepts a job: validates it against the provider's limits, stores it (QUEUED, with its idempotency key) and
 * hands it to the engine. Creating the same key twice returns the first job and submits nothing new.
 */
public final class CreateJob {
    private final JobStore jobs;
    private final JobEngine engine;
    private final Clock clock;
    private final String provider;
    private final int maxScriptChars;
    private final JobListener listener;

    public CreateJob(JobStore jobs, JobEngine engine, Clock clock, String provider, int maxScriptChars, JobListener listener) {
        this.jobs = jobs;
        this.engine = engine;
        this.clock = clock;
        this.provider = Require.nonBlank(provider, "provider");
        this.maxScriptChars = maxScriptChars;
        this.listener = listener;
    }

    /** What to create; {@code key}, {@code batch} and {@code parent} may be null (a key is minted). */
    public record Command(JobSpec spec, IdempotencyKey key, BatchId batch, JobId parent) {
        public Command {
            Require.nonNull(spec, "spec");
        }

        public static Command of(JobSpec spec) {
            return new Command(spec, null, null, null);
        }
    }

    public Insertion create(Command command) {
        checkLimits(command.spec());
        JobId id = JobId.next(clock.instant());
        IdempotencyKey key = command.key() != null ? command.key() : IdempotencyKey.forJob(id);
        Job job = Job.queued(id, key, command.spec(), provider, clock.instant(), command.batch(), command.parent());
        Insertion insertion = jobs.insert(job);
        if (insertion.created()) {
            listener.changed(insertion.job());
            engine.kick(insertion.job().id());
        }
        return insertion;
    }

    private void checkLimits(JobSpec spec) {
        if (!(spec instanceof VideoSpec video)) return;
        int index = 0;
        for (Scene scene : video.scenes()) {
            index++;
            if (scene.voice() instanceof Voice.Text text && text.text().length() > maxScriptChars) {
                String field = video.scenes().size() == 1 ? "text" : "scenes[" + index + "].text";
                throw new ValidationException(field, "'" + field + "' is " + text.text().length()
                        + " characters; this provider dialect accepts at most " + maxScriptChars + " per scene");
            }
        }
    }
}
