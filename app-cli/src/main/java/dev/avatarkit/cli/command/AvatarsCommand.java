package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.VideoProvider;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avatarkit avatars list}: the avatar looks usable as {@code --avatar}. */
@Command(name = "avatars", description = "Avatars (looks) you can use.", subcommands = AvatarsCommand.ListAvatars.class)
public final class AvatarsCommand {

    @Command(name = "list", description = "List avatars (looks) usable as --avatar.")
    public static final class ListAvatars implements Callable<Integer> {
        @Inject
        private Provider<VideoProvider> videoProvider;

        @Inject
        private Output out;

        @Option(
                names = "--limit",
                defaultValue = "50",
                paramLabel = "N",
                description = "Page size, 1–100 (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(
                names = "--cursor",
                paramLabel = "TOKEN",
                description = "Continue from this page token (printed as `more: --cursor …`).")
        String cursor;

        @Override
        public Integer call() {
            Page<Catalog.Avatar> page = videoProvider.get().avatars(new PageRequest(limit, cursor));
            return CatalogPages.print(
                    out,
                    page,
                    new Documents.AvatarList(page.items(), page.nextToken()),
                    List.of("ID", "NAME", "GENDER", "TYPE"),
                    a -> List.of(
                            a.id(), String.valueOf(a.name()), String.valueOf(a.gender()), String.valueOf(a.type())));
        }
    }
}
