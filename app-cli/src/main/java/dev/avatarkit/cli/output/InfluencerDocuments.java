package dev.avatarkit.cli.output;

import dev.avatarkit.runtime.json.JobDocument;
import java.util.List;
import java.util.Map;

/** The JSON documents of {@code avatar create|status|stills|wait|retry}. Field names are a contract. */
public final class InfluencerDocuments {
    private InfluencerDocuments() {}

    /**
     * An influencer as it is now: the identity job, its stills by state, where the files are ({@code manifest},
     * {@code contactSheet}, {@code stillsDir} are null until written), what is missing and what failed.
     */
    public record Influencer(
            String id,
            String name,
            String state,
            boolean created,
            int shots,
            int stored,
            Map<String, Integer> stillStates,
            boolean finished,
            boolean complete,
            String stillsDir,
            String manifest,
            String contactSheet,
            List<Still> stills,
            List<String> missing,
            List<FailedStill> failed,
            JobDocument identity) {}

    /** A stored still. */
    public record Still(int index, String slug, String job, String key, String uri, long size, String sha256) {}

    /** A still that ended without an image; {@code retry} is the command that renders it again. */
    public record FailedStill(
            int index, String slug, String job, String state, String code, String message, String retry) {}

    /** {@code avatar stills ID}. */
    public record StillList(String id, int shots, List<Still> stills) {}

    /** {@code avatar create --dry-run}: what would be paid for, and the limits it runs into. */
    public record Plan(
            boolean dryRun,
            String name,
            String provider,
            int paidCalls,
            int stills,
            int referenceUploads,
            int maxConcurrency,
            Double creditsNeeded,
            Double creditsAvailable,
            String creditUnit,
            Boolean enoughCredits,
            List<PlannedStill> plannedStills) {}

    public record PlannedStill(int index, String slug, String prompt) {}

    /** {@code avatar retry ID}: the still jobs sent back to the queue. */
    public record Retry(String id, List<String> retried, Influencer influencer) {}
}
