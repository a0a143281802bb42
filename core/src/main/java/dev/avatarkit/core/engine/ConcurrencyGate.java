package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobStore;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Keeps at most the provider's {@code maxConcurrency} renders in flight per provider account (all its dialects: one
 * account), never more than the policy's cap. The count comes from the job store (so it
 * survives restarts and is shared by processes on one database); jobs that find the gate full are parked here and
 * woken in creation order the moment a slot frees, rather than all polling the database.
 */
final class ConcurrencyGate {
    private final JobStore jobs;
    private final Renderers renderers;
    private final int cap;
    private final TreeSet<JobId> parked = new TreeSet<>();

    ConcurrencyGate(JobStore jobs, Renderers renderers, int cap) {
        this.jobs = jobs;
        this.renderers = renderers;
        this.cap = cap;
    }

    /** True when {@code id} may start now. Call under the engine's submit lock so two starts don't race. */
    synchronized boolean tryEnter(Job job) {
        JobId id = job.id();
        String provider = job.route().provider();
        int max = Math.min(cap, renderers.capabilities(job).maxConcurrency());
        int inFlight = jobs.count(provider, JobState.SUBMITTING) + jobs.count(provider, JobState.RENDERING);
        boolean first = parked.isEmpty() || id.compareTo(parked.first()) <= 0;
        if (inFlight < max && first) {
            parked.remove(id);
            return true;
        }
        parked.add(id);
        return false;
    }

    /** A slot freed: the oldest parked job, if any, should try again now. */
    synchronized Optional<JobId> next() {
        return Optional.ofNullable(parked.pollFirst());
    }

    /** Whether any job waits for a slot: its render would start the moment one frees. */
    synchronized boolean anyParked() {
        return !parked.isEmpty();
    }

    synchronized void forget(JobId id) {
        parked.remove(id);
    }
}
