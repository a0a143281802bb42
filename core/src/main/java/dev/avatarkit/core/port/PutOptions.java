package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.Require;

/** How to store an object: its content type and the job it came from (recorded in the manifest/metadata). */
public record PutOptions(String contentType, JobId sourceJob) {
    public PutOptions {
        Require.nonBlank(contentType, "contentType");
    }
}
