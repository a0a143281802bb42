package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.VideoProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avatarkit account}: remaining credits and limits. */
@Command(name = "account", description = "Your provider account: plan, remaining credits, concurrency limit.")
public final class AccountCommand implements Callable<Integer> {
    @Inject
    private Provider<VideoProvider> videoProvider;

    @Inject
    private Output out;

    @Override
    public Integer call() {
        Catalog.Account a = videoProvider.get().account();
        if (out.json()) {
            out.document(new Documents.Account(a.name(), a.plan(), a.remaining(), a.unit(), a.maxConcurrency()));
            return 0;
        }
        out.line("account      " + a.name());
        out.line("plan         " + a.plan());
        out.line("remaining    " + (a.remaining() < 0 ? "unknown" : format(a.remaining()) + " " + a.unit()));
        out.line("concurrency  " + a.maxConcurrency() + " render(s) at once");
        return 0;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.2f", value);
    }
}
