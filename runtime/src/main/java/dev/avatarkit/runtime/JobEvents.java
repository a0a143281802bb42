package dev.avatarkit.runtime;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.engine.JobListener;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Fans every job change out to subscribers (CLI progress, SSE, metrics). A failing subscriber never stops a step. */
public final class JobEvents implements JobListener {
    private static final Logger LOG = Logger.getLogger(JobEvents.class.getName());
    private final CopyOnWriteArrayList<Consumer<Job>> subscribers = new CopyOnWriteArrayList<>();

    /** @return closing it unsubscribes */
    public AutoCloseable subscribe(Consumer<Job> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void changed(Job job) {
        for (Consumer<Job> subscriber : subscribers) {
            try {
                subscriber.accept(job);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a job listener failed", e);
            }
        }
    }
}
