package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.influencer.InfluencerFollower;
import dev.avatarkit.cli.influencer.InfluencerPresenter;
import dev.avatarkit.cli.output.InfluencerDocuments;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.runtime.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avatarkit avatar create|status|stills|wait|retry}: AI influencers (an identity and its stills). */
@Command(
        name = "avatar",
        description = "AI influencers: an identity (base look) and its stills.",
        subcommands = {
            AvatarCreateCommand.class,
            AvatarCommand.Status.class,
            AvatarCommand.Stills.class,
            AvatarCommand.Wait.class,
            AvatarCommand.Retry.class
        })
public final class AvatarCommand {
    private AvatarCommand() {}

    @Command(
            name = "status",
            description =
                    "Where an influencer is: identity, stills by state, files, failures. Reads the database only.")
    public static final class Status implements Callable<Integer> {
        @Inject
        private Provider<InfluencerStatus> influencerStatus;

        @Inject
        private InfluencerPresenter presenter;

        @Parameters(paramLabel = "ID", description = "The influencer (identity job) id.")
        String id;

        @Override
        public Integer call() {
            InfluencerStatus.View view = influencerStatus.get().status(JobId.of(id));
            presenter.report(view, false, false, Duration.ZERO);
            return ExitCodes.OK;
        }
    }

    @Command(name = "stills", description = "List an influencer's stored stills (shot, file, size, sha256).")
    public static final class Stills implements Callable<Integer> {
        @Inject
        private Provider<InfluencerStatus> influencerStatus;

        @Inject
        private Output out;

        @Parameters(paramLabel = "ID", description = "The influencer (identity job) id.")
        String id;

        @Override
        public Integer call() {
            InfluencerStatus.View view = influencerStatus.get().status(JobId.of(id));
            List<InfluencerDocuments.Still> stills = InfluencerPresenter.stills(view);
            if (out.json()) {
                out.document(
                        new InfluencerDocuments.StillList(view.identity().id().value(), view.shots(), stills));
                return ExitCodes.OK;
            }
            if (stills.isEmpty()) {
                out.line("no stills stored yet for " + view.identity().id() + " (0/" + view.shots() + "; identity "
                        + view.identity().state() + ")");
                return ExitCodes.OK;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("SHOT", "SIZE", "SHA256", "LOCATION"));
            stills.forEach(s -> rows.add(List.of(
                    String.format(Locale.ROOT, "%02d-%s", s.index(), s.slug()),
                    String.valueOf(s.size()),
                    s.sha256() == null
                            ? "-"
                            : s.sha256().substring(0, Math.min(12, s.sha256().length())),
                    s.uri())));
            out.table(rows);
            out.progress(stills.size() + "/" + view.shots() + " still(s) stored");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "wait",
            description = "Resume an influencer's jobs here and wait until the identity and every still are finished.")
    public static final class Wait implements Callable<Integer> {
        @Inject
        private InfluencerFollower follower;

        @Inject
        private InfluencerPresenter presenter;

        @Parameters(paramLabel = "ID", description = "The influencer (identity job) id.")
        String id;

        @Option(
                names = "--timeout",
                defaultValue = "2h",
                paramLabel = "DURATION",
                description = "Give up waiting after this long (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            return presenter.report(follower.follow(JobId.of(id), true, timeout), false, true, timeout);
        }
    }

    @Command(name = "retry", description = "Render an influencer's FAILED stills again (others are left alone).")
    public static final class Retry implements Callable<Integer> {
        @Inject
        private Provider<Workers> workers;

        @Inject
        private Provider<RetryFailedStills> retryFailedStills;

        @Inject
        private Output out;

        @Inject
        private InfluencerFollower follower;

        @Inject
        private InfluencerPresenter presenter;

        @Parameters(paramLabel = "ID", description = "The influencer (identity job) id.")
        String id;

        @Option(names = "--wait", description = "Wait until the retried stills are finished.")
        boolean wait;

        @Option(
                names = "--timeout",
                defaultValue = "2h",
                paramLabel = "DURATION",
                description = "How long --wait waits (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            workers.get().start();
            List<Job> retried = retryFailedStills.get().retry(JobId.of(id));
            out.progress(
                    retried.isEmpty()
                            ? "no FAILED stills to retry (NEEDS_ATTENTION ones: avatarkit jobs retry <id>, one at a time)"
                            : "rendering " + retried.size() + " still(s) again");
            InfluencerStatus.View view = follower.follow(JobId.of(id), wait, timeout);
            if (out.json()) {
                out.document(new InfluencerDocuments.Retry(
                        id, retried.stream().map(j -> j.id().value()).toList(), presenter.document(view, false)));
                return presenter.exitCodeOnly(view, wait, timeout);
            }
            return presenter.report(view, false, wait, timeout);
        }
    }
}
