package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.spi.ProviderInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avatarkit providers list}: every installed provider and what it can do (no network, no key needed). */
@Command(
        name = "providers",
        description = "Installed providers and their capabilities.",
        subcommands = ProvidersCommand.ListProviders.class)
public final class ProvidersCommand {

    @Command(
            name = "list",
            description = "List installed providers: capabilities, max concurrency, script limit. "
                    + "The default (AVATARKIT_PROVIDER, or --provider) is marked *.")
    static final class ListProviders implements Callable<Integer> {
        @Inject
        private Provider<InstalledProviders> installedProviders;

        @Inject
        private Output out;

        /** The JSON document: the same shape as {@code GET /v1/providers}. */
        record Document(List<ProviderInfo> providers) {}

        @Override
        public Integer call() {
            List<ProviderInfo> providers = installedProviders.get().describe();
            if (out.json()) {
                out.document(new Document(providers));
                return 0;
            }
            out.line(String.format(
                    "%-10s %-8s %-12s %-7s %s", "PROVIDER", "DIALECT", "CONCURRENCY", "SCRIPT", "CAPABILITIES"));
            for (ProviderInfo p : providers) {
                out.line(String.format(
                        "%-10s %-8s %-12d %-7d %s",
                        p.name() + (p.isDefault() ? " *" : ""),
                        p.dialect().isEmpty() ? "-" : p.dialect(),
                        p.maxConcurrency(),
                        p.maxScriptChars(),
                        String.join(", ", p.features()) + (p.sandbox() ? "; sandbox" : "")));
            }
            return 0;
        }
    }
}
