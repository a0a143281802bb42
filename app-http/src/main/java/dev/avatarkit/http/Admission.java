package dev.avatarkit.http;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.JobStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Admission control for job creation: a client may have at most {@link HttpLimits#maxQueuedPerToken()} unfinished
 * jobs that its requests created, and the process at most {@link HttpLimits#maxQueued()} unfinished jobs in all;
 * beyond either, 429 with {@code Retry-After}. Counting follows this process's job changes (a terminal state frees
 * the slot), seeded at start with the database's unfinished jobs, which this process resumes. A request reserves
 * its slots before creating anything, so concurrent requests cannot overshoot. In shared mode each server counts
 * its own jobs.
 */
final class Admission implements Consumer<Job> {
    /** Slots reserved by one request; {@link #owns} attributes the jobs it created, {@link #close} frees the rest. */
    final class Ticket implements AutoCloseable {
        private final Client client;
        private final int slots;
        private boolean closed;

        private Ticket(Client client, int slots) {
            this.client = client;
            this.slots = slots;
        }

        void owns(Collection<JobId> ids) {
            synchronized (Admission.this) {
                for (JobId id : ids) {
                    if (unfinished.contains(id) && owners.putIfAbsent(id, client) == null)
                        perClient.merge(client, 1, Integer::sum);
                }
            }
        }

        @Override
        public void close() {
            synchronized (Admission.this) {
                if (closed) return;
                closed = true;
                reserved -= slots;
                reservedPerClient.merge(client, -slots, Integer::sum);
            }
        }
    }

    private final HttpLimits limits;
    private final Set<JobId> unfinished = new HashSet<>();
    private final Map<JobId, Client> owners = new HashMap<>();
    private final Map<Client, Integer> perClient = new HashMap<>();
    private final Map<Client, Integer> reservedPerClient = new HashMap<>();
    private int reserved;

    Admission(HttpLimits limits) {
        this.limits = limits;
    }

    /** Counts the unfinished jobs already in the database (they are resumed here and hold queue slots). */
    void seed(JobStore jobs) {
        JobId after = null;
        while (true) {
            List<JobId> page = jobs.unfinished(1000, after);
            synchronized (this) {
                unfinished.addAll(page);
            }
            if (page.size() < 1000) return;
            after = page.get(page.size() - 1);
        }
    }

    @Override
    public synchronized void accept(Job job) {
        if (!job.state().isTerminal()) {
            unfinished.add(job.id());
            return;
        }
        unfinished.remove(job.id());
        Client owner = owners.remove(job.id());
        if (owner != null) perClient.merge(owner, -1, Integer::sum);
    }

    /**
     * Reserves {@code jobs} slots for the client or refuses: 429 when the queue is full for now, 422 (naming
     * {@code field}) when one request alone asks for more than the client may ever hold.
     */
    synchronized Ticket admit(Client client, int jobs, String field) {
        if (jobs > limits.maxQueuedPerToken()) {
            throw new ValidationException(
                    field,
                    "this request would create " + jobs + " jobs; a client may have at most "
                            + limits.maxQueuedPerToken() + " unfinished jobs: split it");
        }
        int mine = perClient.getOrDefault(client, 0) + reservedPerClient.getOrDefault(client, 0);
        if (mine + jobs > limits.maxQueuedPerToken()) {
            throw full("this token has " + mine + " unfinished jobs (limit " + limits.maxQueuedPerToken() + ")");
        }
        int all = unfinished.size() + reserved;
        if (all + jobs > limits.maxQueued()) {
            throw full("the server has " + all + " unfinished jobs (limit " + limits.maxQueued() + ")");
        }
        reserved += jobs;
        reservedPerClient.merge(client, jobs, Integer::sum);
        return new Ticket(client, jobs);
    }

    synchronized int unfinishedCount() {
        return unfinished.size();
    }

    private ProblemException full(String why) {
        return ProblemException.tooMany(
                "queue-full",
                "Too many queued jobs",
                why + "; nothing was created, retry when some have finished",
                limits.retryAfter());
    }
}
