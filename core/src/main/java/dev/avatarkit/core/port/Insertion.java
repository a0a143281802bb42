package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.Job;

/** The result of inserting a job: the stored job, and whether this call created it (false = key already known). */
public record Insertion(Job job, boolean created) {}
