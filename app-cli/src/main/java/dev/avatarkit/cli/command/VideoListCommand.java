package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.port.JobStore;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code avatarkit video list}: video and template-video jobs, newest first. */
@Command(name = "list", description = "List video jobs, newest first.")
public final class VideoListCommand implements Callable<Integer> {
    @Inject
    private Provider<JobStore> jobStore;

    @Inject
    private Output out;

    @Mixin
    JobListing listing;

    @Override
    public Integer call() {
        return JobListing.print(jobStore.get(), listing.query(Set.of(JobKind.VIDEO, JobKind.TEMPLATE_VIDEO)), out);
    }
}
