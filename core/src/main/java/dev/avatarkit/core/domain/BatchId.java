package dev.avatarkit.core.domain;

import java.util.regex.Pattern;

/** Groups the jobs of one batch run; derived from the batch's inputs so re-running resumes it. */
public record BatchId(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public BatchId {
        Require.nonBlank(value, "batchId");
        Require.that(SYNTAX.matcher(value).matches(), "batchId", "'batchId' must be 1–64 characters of [A-Za-z0-9_-]");
    }

    @Override
    public String toString() {
        return value;
    }
}
