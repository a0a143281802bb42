package dev.avatarkit.core.domain;

import java.util.List;

/**
 * A new AI "influencer": a name, an appearance prompt, optional attributes, up to 3 reference images
 * (local paths or http(s) URLs, uploaded before anything is paid for) and the shots to render.
 */
public record IdentitySpec(
        String name,
        String prompt,
        String age,
        String gender,
        String ethnicity,
        String style,
        List<String> references,
        ShotList shots)
        implements JobSpec {
    public static final int MAX_REFERENCES = 3;
    public static final int MAX_PROMPT_CHARS = 1000;

    public IdentitySpec {
        Require.nonBlank(name, "name");
        Require.maxLength(name, 255, "name");
        Require.nonBlank(prompt, "prompt");
        Require.maxLength(prompt, MAX_PROMPT_CHARS, "prompt");
        references = references == null ? List.of() : List.copyOf(references);
        Require.that(
                references.size() <= MAX_REFERENCES,
                "reference",
                "at most " + MAX_REFERENCES + " reference images, got " + references.size());
        Require.nonNull(shots, "shots");
    }

    @Override
    public JobKind kind() {
        return JobKind.IDENTITY;
    }

    @Override
    public String title() {
        return name;
    }
}
