package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.usecase.CreateJob;

/**
 * Starts an AI influencer: checks the identity (reference images readable and decodable, URLs well-formed —
 * the record itself refuses a blank prompt or more than 3 references) before anything is paid for, then stores
 * the IDENTITY job. The engine creates the base look; {@link InfluencerHooks} then creates one still per shot.
 */
public final class CreateInfluencer {
    private final CreateJob create;

    public CreateInfluencer(CreateJob create) {
        this.create = create;
    }

    /**
     * The identity to create; {@code key} may be null (one is minted), or derived so a re-run finds the first job.
     * {@code localFiles}: whether references may name files on this machine — true for the CLI (the user's own
     * files), false for anything remote (an HTTP caller must not make the server upload its own files).
     */
    public record Command(IdentitySpec spec, IdempotencyKey key, boolean localFiles) {
        public Command {
            Require.nonNull(spec, "spec");
        }

        /** From the command line: local reference files are allowed. */
        public static Command local(IdentitySpec spec, IdempotencyKey key) {
            return new Command(spec, key, true);
        }

        /** From a remote caller (HTTP): references must be http(s) URLs. */
        public static Command remote(IdentitySpec spec, IdempotencyKey key) {
            return new Command(spec, key, false);
        }
    }

    /** The identity job, and whether this call created it (false: the key was known, nothing new was started). */
    public record Result(Job identity, boolean created, int stills) {}

    public Result create(Command command) {
        if (!command.localFiles()) ReferenceImages.requireUrls(command.spec());
        ReferenceImages.check(command.spec());
        Insertion insertion = create.create(new CreateJob.Command(command.spec(), command.key(), null, null));
        return new Result(
                insertion.job(), insertion.created(), command.spec().shots().size());
    }
}
