package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import dev.avatarkit.cli.app.Backend;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avatarkit voices list}: the voices usable as {@code --voice}. */
@Command(name = "voices", description = "Voices you can use.", subcommands = VoicesCommand.ListVoices.class)
public final class VoicesCommand {

    @Command(name = "list", description = "List voices usable as --voice.")
    public static final class ListVoices implements Callable<Integer> {
        @Inject private Backend backend;
        @Inject private Output out;
        @Option(names = "--limit", defaultValue = "50", description = "Page size, 1–100.") int limit;
        @Option(names = "--cursor", paramLabel = "TOKEN") String cursor;

        @Override
        public Integer call() {
            Page<Catalog.VoiceEntry> page = backend.provider().voices(new PageRequest(limit, cursor));
            if (out.json()) {
                out.document(new Documents.VoiceList(page.items(), page.nextToken()));
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("ID", "NAME", "LANGUAGE", "GENDER"));
            page.items().forEach(v -> rows.add(List.of(v.id(), String.valueOf(v.name()), String.valueOf(v.language()), String.valueOf(v.gender()))));
            out.table(rows);
            if (page.hasMore()) out.progress("more: --cursor " + page.nextToken());
            return 0;
        }
    }
}
