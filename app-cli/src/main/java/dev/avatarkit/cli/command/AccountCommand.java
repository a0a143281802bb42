package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import dev.avatarkit.cli.app.Backend;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.port.Catalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code avatarkit account}: remaining credits and limits. */
@Command(name = "account", description = "Your provider account: plan, remaining credits, concurrency limit.")
public final class AccountCommand implements Callable<Integer> {
    @Inject
    private Backend backend;

    @Inject
    private Output out;

    @Override
    public Integer call() {
        Catalog.Account a = backend.provider().account();
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
