package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;

/** Told about every job write the engine or the services make (progress bars, SSE, metrics). Must not block. */
@FunctionalInterface
public interface JobListener {
    void changed(Job job);

    JobListener NONE = job -> {};
}
