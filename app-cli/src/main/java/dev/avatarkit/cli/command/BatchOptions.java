package dev.avatarkit.cli.command;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every CSV batch command takes besides its {@code --csv} (a picocli mixin). */
public final class BatchOptions {
    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "At most N renders in flight at once (default: as many as the provider allows).")
    Integer concurrency;

    @Option(
            names = "--dry-run",
            description = "Check every row and print the plan and estimated credits; submit nothing.")
    boolean dryRun;

    @Option(names = "--skip-invalid", description = "Submit the valid rows even if some rows are invalid.")
    boolean skipInvalid;

    @Option(
            names = "--wait",
            description = "Wait until every video is rendered and stored (else: until all are submitted).")
    boolean wait;

    @Option(
            names = "--timeout",
            defaultValue = "24h",
            paramLabel = "DURATION",
            description = "Stop watching after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;
}
