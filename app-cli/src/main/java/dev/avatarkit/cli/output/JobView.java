package dev.avatarkit.cli.output;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.StoredAsset;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Human renderings of a job: one table row, or the full description {@code jobs show} prints. */
public final class JobView {
    public static final List<String> HEADER = List.of("ID", "KIND", "STATE", "CREATED", "TITLE");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private JobView() {}

    public static List<String> row(Job job) {
        return List.of(
                job.id().value(),
                job.kind().name(),
                job.state().name(),
                time(job.createdAt()),
                job.title() == null ? "-" : job.title());
    }

    public static List<String> describe(Job job) {
        List<String> lines = new ArrayList<>();
        lines.add("job       " + job.id() + "  (" + job.kind() + ")");
        lines.add(
                "state     " + job.state() + (job.rawStatus() == null ? "" : "  (provider: " + job.rawStatus() + ")"));
        if (job.title() != null) lines.add("title     " + job.title());
        String route = job.route().hasDialect()
                ? job.route().provider() + " " + job.route().dialect()
                : job.route().provider();
        lines.add("provider  " + route
                + (job.providerRef() == null ? "" : "  " + job.providerRef().value()));
        if (job.batchId() != null) lines.add("batch     " + job.batchId());
        lines.add("created   " + time(job.createdAt()) + "   updated " + time(job.updatedAt()) + "   attempts "
                + job.attempts());
        if (job.error() != null)
            lines.add("error     " + job.error().code() + ": " + job.error().message());
        CliHints.of(job).ifPresent(hint -> lines.add("hint      " + hint));
        if (job.warning() != null)
            lines.add("warning   " + job.warning().code() + ": " + job.warning().message());
        for (StoredAsset asset : job.assets()) {
            lines.add("asset     " + asset.kind().name().toLowerCase() + "  " + asset.uri() + "  (" + asset.size()
                    + " bytes)");
        }
        return lines;
    }

    /** One line for live progress: {@code 12:00:01  01J…  RENDERING (processing)}. */
    public static String change(Job job) {
        String time = DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(ZoneId.systemDefault())
                .format(job.updatedAt());
        String raw = job.rawStatus() == null ? "" : " (" + job.rawStatus() + ")";
        String error = job.error() == null
                ? ""
                : " — " + job.error().code() + ": " + job.error().message();
        return time + "  " + job.id() + "  " + job.state() + raw + error;
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
