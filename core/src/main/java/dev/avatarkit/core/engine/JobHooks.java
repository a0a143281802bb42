package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;

/**
 * Extra work tied to a job's lifecycle, run inside the engine's steps so it is as durable as they are: a hook
 * that fails or is interrupted by a crash runs again when the step is retried, so hooks must be idempotent.
 */
public interface JobHooks {
    /** Runs after a job's assets are stored and before it is marked SUCCEEDED (e.g. an identity creates its stills). */
    default void beforeSuccess(Job job) {}

    /** Runs after a job reached a terminal state (e.g. the last still of an identity writes the contact sheet). */
    default void afterFinish(Job job) {}

    JobHooks NONE = new JobHooks() {};
}
