package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.runtime.ConfigReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avatarkit config show}. */
@Command(name = "config", description = "The configuration in effect.", subcommands = ConfigCommand.Show.class)
public final class ConfigCommand {

    @Command(
            name = "show",
            description = "Each configuration key's effective value and where it came from "
                    + "(flag, env, config file, default); secrets show only whether they are set.")
    public static final class Show implements Callable<Integer> {
        @Inject
        private Provider<ConfigReport> configReport;

        @Inject
        private Output out;

        @Override
        public Integer call() {
            ConfigReport report = configReport.get();
            if (out.json()) {
                out.document(new Documents.ConfigShow(
                        report.file().toString(),
                        report.fileFound(),
                        report.settings().stream()
                                .map(s -> new Documents.ConfigValue(
                                        s.key(),
                                        s.shown(),
                                        s.source().level().label(),
                                        s.source().file() == null
                                                ? null
                                                : s.source().file().toString()))
                                .toList()));
                return 0;
            }
            out.line("config file: " + report.file() + (report.fileFound() ? "" : " (not found)"));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("KEY", "VALUE", "SOURCE"));
            report.settings()
                    .forEach(s -> rows.add(java.util.Arrays.asList(
                            s.key(), s.shown(), s.source().describe())));
            out.table(rows);
            return 0;
        }
    }
}
