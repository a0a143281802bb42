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

/** {@code avatarkit voices list}: the voices usable as {@code --voice}. */
@Command(name = "voices", description = "Voices you can use.", subcommands = VoicesCommand.ListVoices.class)
public final class VoicesCommand {

    @Command(name = "list", description = "List voices usable as --voice.")
    public static final class ListVoices implements Callable<Integer> {
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
            Page<Catalog.VoiceEntry> page = videoProvider.get().voices(new PageRequest(limit, cursor));
            return CatalogPages.print(
                    out,
                    page,
                    new Documents.VoiceList(page.items(), page.nextToken()),
                    List.of("ID", "NAME", "LANGUAGE", "GENDER"),
                    v -> List.of(
                            v.id(),
                            String.valueOf(v.name()),
                            String.valueOf(v.language()),
                            String.valueOf(v.gender())));
        }
    }
}
