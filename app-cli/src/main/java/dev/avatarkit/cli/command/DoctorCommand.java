package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.ProvisionException;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.Logging;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.runtime.ConfigReport;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.doctor.Doctor;
import dev.avatarkit.runtime.doctor.DoctorCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code avatarkit doctor}: configuration, then the runtime's {@link Doctor} checks, one line each as it finishes.
 * A configuration that does not load stops here: every other check would fail for the same reason.
 */
@Command(
        name = "doctor",
        description = "Check this setup from here, one pass/fail line each: configuration, "
                + "API key accepted, database writable and migrated, storage round trip, webhook URL reachable.",
        footer = {
            "",
            "Example (in the sandbox: no key, no network):",
            "  avatarkit --sandbox doctor",
            "",
            "Exit codes: 0 all passed · 3 key refused or missing · 2 bad configuration ·%n"
                    + "            1 any other failure"
        })
public final class DoctorCommand implements Callable<Integer> {
    @Inject
    private Provider<ConfigReport> configReport;

    @Inject
    private Provider<Platform> platform;

    @Inject
    private Output out;

    private final List<DoctorCheck> checks = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            ConfigReport config = configReport.get();
            record(DoctorCheck.pass(
                    "config",
                    config.fileFound()
                            ? "loaded " + config.file()
                            : "no config file at " + config.file() + "; flags, env and defaults"));
        } catch (ProvisionException e) {
            // Guice wraps what the config's provider threw; a bad value is a failed check, anything else a crash
            if (!(e.getCause() instanceof ValidationException invalid)) throw e;
            record(DoctorCheck.fail("config", "configuration", invalid));
        }
        if (checks.stream().noneMatch(DoctorCheck::failed)) new Doctor(platform.get()).run(this::record);
        return finish();
    }

    private void record(DoctorCheck check) {
        checks.add(check);
        out.line(Logging.mask(String.format("%-4s  %-12s  %s", label(check), check.name(), check.detail())));
        String hint = hint(check);
        if (hint != null) out.line("      hint: " + hint);
    }

    private int finish() {
        List<RuntimeException> failures = checks.stream()
                .filter(DoctorCheck::failed)
                .map(DoctorCheck::failure)
                .toList();
        int code = ExitCodes.forChecks(failures);
        if (out.json()) {
            out.document(new Documents.DoctorReport(
                    failures.isEmpty(),
                    code,
                    checks.stream()
                            .map(c -> new Documents.DoctorCheck(
                                    c.name(),
                                    c.status().name().toLowerCase(Locale.ROOT),
                                    Logging.mask(c.detail()),
                                    hint(c)))
                            .toList()));
        } else {
            out.line(
                    failures.isEmpty()
                            ? "all checks passed"
                            : failures.size() + " of " + checks.size() + " checks failed (exit " + code + ")");
        }
        return code;
    }

    private static String label(DoctorCheck check) {
        return switch (check.status()) {
            case PASS -> "ok";
            case SKIP -> "skip";
            case FAIL -> "FAIL";
        };
    }

    /** What to do, where ExitCodes knows (a key, credits); its generic "-v for details" says nothing here. */
    private static String hint(DoctorCheck check) {
        if (!check.failed()) return null;
        ExitCodes.Failure failure = ExitCodes.of(check.failure());
        return failure.code().equals("internal") ? null : failure.hint();
    }
}
