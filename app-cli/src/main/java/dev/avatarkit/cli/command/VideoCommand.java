package dev.avatarkit.cli.command;

import picocli.CommandLine.Command;

/** {@code avatarkit video create|status|wait|download|list}. */
@Command(
        name = "video",
        description = "Create and follow avatar videos.",
        subcommands = {
            VideoCreateCommand.class,
            VideoStatusCommand.class,
            VideoWaitCommand.class,
            VideoDownloadCommand.class,
            VideoListCommand.class,
            VideoBatchCommand.class
        })
public final class VideoCommand {}
