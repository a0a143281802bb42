package dev.avatarkit.core.domain;

/** What a job renders. */
public enum JobKind {
    VIDEO,
    TEMPLATE_VIDEO,
    IDENTITY,
    STILL
}
