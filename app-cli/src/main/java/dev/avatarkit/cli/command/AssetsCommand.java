package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avatarkit assets list}: what is in the asset store (local directory or S3). */
@Command(name = "assets", description = "Files in the asset store.", subcommands = AssetsCommand.ListAssets.class)
public final class AssetsCommand {

    @Command(name = "list", description = "List stored files, by key.")
    public static final class ListAssets implements Callable<Integer> {
        @Inject
        private Provider<AssetStore> assetStore;

        @Inject
        private Output out;

        @Option(names = "--job", paramLabel = "ID", description = "Only this video job's files (videos/<id>/).")
        String job;

        @Option(
                names = "--prefix",
                paramLabel = "P",
                description = "Only keys starting with this, e.g. videos/ or influencers/.")
        String prefix;

        @Option(
                names = "--limit",
                defaultValue = "100",
                paramLabel = "N",
                description = "Page size, 1–1000 (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(
                names = "--cursor",
                paramLabel = "KEY",
                description = "Continue after this key (printed as `more: --cursor …`).")
        String cursor;

        @Override
        public Integer call() {
            String from = job != null ? "videos/" + JobId.of(job).value() + "/" : prefix == null ? "" : prefix;
            Page<StoredObject> page = assetStore.get().list(from, cursor, limit);
            List<Documents.Asset> assets = page.items().stream()
                    .map(o -> new Documents.Asset(
                            o.key().value(),
                            o.uri().toString(),
                            o.size(),
                            o.sha256(),
                            o.contentType(),
                            o.createdAt() == null ? null : o.createdAt().toString()))
                    .toList();
            if (out.json()) {
                out.document(new Documents.AssetList(assets, page.nextToken()));
                return 0;
            }
            if (assets.isEmpty()) {
                out.line("no assets" + (from.isEmpty() ? "" : " under " + from));
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("KEY", "SIZE", "TYPE", "LOCATION"));
            assets.forEach(a ->
                    rows.add(List.of(a.key(), String.valueOf(a.size()), String.valueOf(a.contentType()), a.uri())));
            out.table(rows);
            if (page.hasMore()) out.progress("more: --cursor " + page.nextToken());
            return 0;
        }
    }
}
