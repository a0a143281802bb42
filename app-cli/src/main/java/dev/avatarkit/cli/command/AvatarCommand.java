package dev.avatarkit.cli.command;

import dev.avatarkit.core.domain.ValidationException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code avatarkit avatar create|status|stills}: AI influencers (identity + stills). Waiting for core's
 * {@code CreateInfluencer} use case; until it exists each command says so and exits 2.
 */
@Command(name = "avatar", description = "AI influencers: an identity and its stills (not available yet).",
        subcommands = {AvatarCommand.Create.class, AvatarCommand.Status.class, AvatarCommand.Stills.class})
public final class AvatarCommand {
    static final String NOT_YET = "`avatarkit avatar %s` is not available yet: the influencer use case is not in this build";

    @Command(name = "create", description = "Create an AI influencer and render its stills (not available yet).")
    public static final class Create implements Callable<Integer> {
        @Unmatched java.util.List<String> ignored;

        @Override
        public Integer call() {
            throw new ValidationException("command", String.format(NOT_YET, "create"));
        }
    }

    @Command(name = "status", description = "Show an influencer's progress (not available yet).")
    public static final class Status implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "0..1") String id;

        @Override
        public Integer call() {
            throw new ValidationException("command", String.format(NOT_YET, "status"));
        }
    }

    @Command(name = "stills", description = "List an influencer's stored stills (not available yet).")
    public static final class Stills implements Callable<Integer> {
        @Parameters(paramLabel = "ID", arity = "0..1") String id;

        @Override
        public Integer call() {
            throw new ValidationException("command", String.format(NOT_YET, "stills"));
        }
    }
}
