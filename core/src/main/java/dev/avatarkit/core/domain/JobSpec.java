package dev.avatarkit.core.domain;

/** What a job asks the provider to render. */
public sealed interface JobSpec permits VideoSpec, TemplateSpec, IdentitySpec, StillSpec {
    JobKind kind();

    /** A short human title, used in listings and sent to the provider as the video title. */
    String title();
}
