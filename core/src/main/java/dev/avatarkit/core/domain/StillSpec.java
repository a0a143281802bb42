package dev.avatarkit.core.domain;

/** One still of an identity: the shot, the full prompt sent, and the identity's base look (its visual reference). */
public record StillSpec(String identityName, Shot shot, String prompt, String baseLookId) implements JobSpec {
    public StillSpec {
        Require.nonBlank(identityName, "name");
        Require.nonNull(shot, "shot");
        Require.nonBlank(prompt, "prompt");
        Require.maxLength(prompt, IdentitySpec.MAX_PROMPT_CHARS, "prompt");
        Require.nonBlank(baseLookId, "baseLookId");
    }

    @Override
    public JobKind kind() {
        return JobKind.STILL;
    }

    @Override
    public String title() {
        return identityName + " – " + shot.fileStem();
    }
}
