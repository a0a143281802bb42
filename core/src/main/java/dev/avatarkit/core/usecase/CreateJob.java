package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.spi.ProviderDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts a job: checks that its provider offers what the job needs and that it fits the provider's limits, stores
 * it (QUEUED, with its idempotency key and the provider route that will render it) and hands it to the engine.
 * Creating the same key twice returns the first job and submits nothing new.
 */
public final class CreateJob {
    private final JobStore jobs;
    private final JobEngine engine;
    private final Clock clock;
    private final ProviderDirectory providers;
    private final String provider;
    private final JobListener listener;

    /** Creates jobs for the default provider ({@link ProviderDirectory#defaultRoute()}). */
    public CreateJob(JobStore jobs, JobEngine engine, Clock clock, ProviderDirectory providers, JobListener listener) {
        this(jobs, engine, clock, providers, null, listener);
    }

    private CreateJob(
            JobStore jobs,
            JobEngine engine,
            Clock clock,
            ProviderDirectory providers,
            String provider,
            JobListener listener) {
        this.jobs = Require.nonNull(jobs, "jobs");
        this.engine = Require.nonNull(engine, "engine");
        this.clock = Require.nonNull(clock, "clock");
        this.providers = Require.nonNull(providers, "providers");
        this.provider = provider;
        this.listener = Require.nonNull(listener, "listener");
    }

    /**
     * The same, creating jobs for {@code name} ({@code --provider}, the HTTP {@code "provider"} field); null or blank
     * = the default provider.
     *
     * @throws ValidationException naming the installed providers when {@code name} is not one of them
     */
    public CreateJob forProvider(String name) {
        if (name == null || name.isBlank()) return this;
        providers.routeFor(name.trim()); // fails now, naming the installed providers, if unknown
        return new CreateJob(jobs, engine, clock, providers, name.trim(), listener);
    }

    /** The route jobs made here take. */
    public ProviderRoute route() {
        return provider == null ? providers.defaultRoute() : providers.routeFor(provider);
    }

    /**
     * Refuses, before anything is stored or sent, a spec the provider cannot render (a missing capability, a script
     * over its limit). Batches call this for every row before creating any.
     */
    public void check(JobSpec spec) {
        ProviderRoute route = route();
        ProviderCapabilities capabilities = providers.capabilities(route);
        Capabilities.require(route.provider(), capabilities, spec);
        checkLimits(spec, capabilities.maxScriptChars());
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
        return createAll(List.of(command)).get(0);
    }

    /**
     * {@link #create} of each command, stored in one commit ({@link JobStore#insertAll}) and then handed to the
     * engine in order: a batch's first render starts after one write, not after every row's. Every command is
     * checked before anything is stored.
     */
    public List<Insertion> createAll(List<Command> commands) {
        ProviderRoute route = route();
        ProviderCapabilities capabilities = providers.capabilities(route);
        List<Job> queued = new ArrayList<>(commands.size());
        for (Command command : commands) {
            Capabilities.require(route.provider(), capabilities, command.spec());
            checkLimits(command.spec(), capabilities.maxScriptChars());
            JobId id = JobId.next(clock.instant());
            IdempotencyKey key = command.key() != null ? command.key() : IdempotencyKey.forJob(id);
            queued.add(Job.queued(
                    id, key, command.spec(), route.stored(), clock.instant(), command.batch(), command.parent()));
        }
        List<Insertion> insertions = queued.size() == 1 ? List.of(jobs.insert(queued.get(0))) : jobs.insertAll(queued);
        List<JobId> created = new ArrayList<>();
        for (Insertion insertion : insertions) {
            if (!insertion.created()) continue;
            listener.changed(insertion.job());
            created.add(insertion.job().id());
        }
        if (created.size() == 1) engine.kick(created.get(0));
        else if (!created.isEmpty()) engine.kickNew(created);
        return insertions;
    }

    private static void checkLimits(JobSpec spec, int maxScriptChars) {
        if (!(spec instanceof VideoSpec video)) return;
        int index = 0;
        for (Scene scene : video.scenes()) {
            index++;
            if (scene.voice() instanceof Voice.Text text && text.text().length() > maxScriptChars) {
                String field = video.scenes().size() == 1 ? "text" : "scenes[" + index + "].text";
                throw new ValidationException(
                        field,
                        "'" + field + "' is " + text.text().length() + " characters; this provider accepts at most "
                                + maxScriptChars + " per scene");
            }
        }
    }
}
