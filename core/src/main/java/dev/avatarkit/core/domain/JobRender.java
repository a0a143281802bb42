package dev.avatarkit.core.domain;

/**
 * The provider's side of a {@link Job}: its render id and its last raw status word.
 * Both nullable: {@code providerRef} until the provider accepted the job, {@code rawStatus} until it answered.
 */
public record JobRender(ProviderRef providerRef, String rawStatus) {
    /** Nothing sent yet (a queued or requeued job). */
    public static final JobRender NONE = new JobRender(null, null);

    public JobRender withProviderRef(ProviderRef ref) {
        return new JobRender(ref, rawStatus);
    }

    public JobRender withRawStatus(String raw) {
        return new JobRender(providerRef, raw);
    }
}
