package dev.avatarkit.http;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.TemplateBatch;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/batches}: one video per row, as JSON ({@code {"kind", "template", "rows": [{column: value}],
 * "skipInvalid", "dryRun"}}) or CSV ({@code text/csv}, {@code ?kind=&template=&skipInvalid=&dryRun=}). {@code kind}
 * is {@code template} (the default: the columns are the template's variables) or {@code video} (plain avatar
 * videos, the CLI's {@code video batch --csv} columns: avatar_id, voice_id, script, ...). Every row is
 * validated before anything is created. Without {@code Idempotency-Key} a batch's jobs are keyed by their rows
 * (posting the same rows again resumes it: 200, nothing new); with one, by the key and row position, and a
 * different body under the same key is 409. {@code GET /v1/batches/{id}}: counts by state.
 */
final class BatchApi {
    /** What a submitted batch did. */
    public record BatchDocument(
            String id,
            String kind,
            String template,
            int created,
            int existing,
            int skipped,
            List<String> jobs,
            int estimatedCredits,
            List<Problem.RowError> errors) {}

    /** A dry run: what would be created. */
    public record PlanDocument(
            String id,
            String kind,
            String template,
            int rows,
            int estimatedCredits,
            List<Problem.RowError> errors,
            boolean dryRun) {}

    /** A batch's progress. */
    public record BatchStatus(String id, int total, Map<String, Integer> states, boolean finished) {}

    private final Backend backend;
    private final long jsonLimit;
    private final long csvLimit;
    private final Admission admission;

    BatchApi(Backend backend, long jsonLimit, long csvLimit, Admission admission) {
        this.backend = backend;
        this.admission = admission;
        this.jsonLimit = jsonLimit;
        this.csvLimit = csvLimit;
    }

    /** What the client asked for, from either body form; {@code csv} is the rows as CSV text. */
    private record BatchRequest(
            String kind, String template, String csv, boolean skipInvalid, boolean dryRun, String provider) {}

    void create(Context ctx) {
        BatchRequest request = request(ctx);
        PlannedBatch plan = plan(request);
        List<Problem.RowError> errors = plan.errors().stream()
                .map(e -> new Problem.RowError(e.line(), e.field(), e.message()))
                .toList();
        if (request.dryRun()) {
            Responses.json(
                    ctx,
                    200,
                    PlanDocument.class,
                    new PlanDocument(
                            plan.batchId().value(),
                            plan.kind(),
                            plan.template(),
                            plan.specs().size(),
                            plan.estimatedCredits(),
                            errors,
                            true));
            return;
        }
        if (!errors.isEmpty() && !request.skipInvalid()) {
            throw new ProblemException(Problem.of(
                            422,
                            "validation",
                            "Invalid batch",
                            errors.size() + " invalid row(s); nothing was created (fix them, or set skipInvalid)",
                            errors.get(0).field())
                    .withErrors(errors));
        }
        Optional<String> key = Idempotency.header(ctx);
        if (key.isPresent()) plan = keyed(plan, key.get());
        try (Admission.Ticket ticket =
                admission.admit(Client.of(ctx), plan.specs().size(), "rows")) {
            TemplateBatch.BatchResult result = plan.submit();
            ticket.owns(result.jobIds());
            ctx.header("Location", "/v1/batches/" + result.batchId().value());
            Responses.json(
                    ctx,
                    result.created() == 0 && result.existing() > 0 ? 200 : 202,
                    BatchDocument.class,
                    new BatchDocument(
                            result.batchId().value(),
                            plan.kind(),
                            plan.template(),
                            result.created(),
                            result.existing(),
                            result.skipped(),
                            result.jobIds().stream().map(id -> id.value()).toList(),
                            plan.estimatedCredits(),
                            errors));
        }
    }

    /** JSON {@code {kind, template, rows, skipInvalid, dryRun}} or CSV with the same as query parameters. */
    private BatchRequest request(Context ctx) {
        if (Bodies.mediaType(ctx).equals("text/csv")) {
            byte[] raw = Bodies.read(ctx, csvLimit);
            String csv = Text.strictUtf8(raw);
            if (csv == null) {
                throw new ValidationException(
                        "body", "the CSV is not valid UTF-8 (line " + Text.malformedLine(raw) + ")");
            }
            Text.check("body", csv);
            return new BatchRequest(
                    ctx.queryParam("kind"),
                    ctx.queryParam("template"),
                    csv,
                    flag(ctx, "skipInvalid"),
                    flag(ctx, "dryRun"),
                    ctx.queryParam("provider"));
        }
        if (Bodies.isJson(ctx)) {
            Fields f = new Fields(Bodies.jsonObject(ctx, jsonLimit), "")
                    .only(Set.of("kind", "template", "rows", "skipInvalid", "dryRun", "provider"));
            return new BatchRequest(
                    f.string("kind"),
                    f.string("template"),
                    Text.check("rows", toCsv(f.list("rows"))),
                    f.bool("skipInvalid"),
                    f.bool("dryRun"),
                    f.string("provider"));
        }
        throw Bodies.unsupported("application/json or text/csv");
    }

    /** {@code kind} defaults to {@code template}, so template batches posted before plain videos existed mean the same. */
    private PlannedBatch plan(BatchRequest request) {
        String kind = request.kind() == null ? "template" : request.kind();
        String template = request.template();
        switch (kind) {
            case "video" -> {
                if (template != null) {
                    throw new ValidationException(
                            "template",
                            "a video batch (kind=video) has no template: leave 'template' out,"
                                    + " or drop kind=video for a template batch");
                }
                CreateJob create = backend.createJob().forProvider(request.provider());
                return PlannedBatch.ofVideos(
                        backend.videoBatch().forProvider(request.provider()), backend.videoFor(create), request.csv());
            }
            case "template" -> {
                if (template == null || template.isBlank()) {
                    throw new ValidationException(
                            "template",
                            "'template' (the template id) is required; for plain avatar videos"
                                    + " (columns avatar_id, voice_id, script, ...) set kind=video");
                }
                return PlannedBatch.ofTemplate(
                        backend.templateBatch().forProvider(request.provider()), template, request.csv());
            }
            default -> throw new ValidationException("kind", "'kind' must be template or video, was '" + kind + "'");
        }
    }

    /** Re-keys the plan under the Idempotency-Key; 409 when earlier jobs under that key differ from this body. */
    private PlannedBatch keyed(PlannedBatch plan, String header) {
        // a template id never holds a newline, so the two kinds' scopes cannot meet
        String scope =
                (plan.template() != null ? "batches\n" + plan.template() : "video-batches") + "\n" + header + "\n#";
        List<IdempotencyKey> keys = new ArrayList<>();
        List<? extends JobSpec> specs = plan.specs();
        for (int i = 0; i < specs.size(); i++) {
            IdempotencyKey key = IdempotencyKey.derived("http", scope + i);
            Optional<Job> existing = backend.jobs().findByKey(key);
            if (existing.isPresent()) Idempotency.replay(existing.get(), specs.get(i));
            keys.add(key);
        }
        if (backend.jobs()
                .findByKey(IdempotencyKey.derived("http", scope + keys.size()))
                .isPresent()) throw Idempotency.reused();
        return plan.rekeyed(
                new BatchId("h-" + IdempotencyKey.derived("http", scope).value().substring(8, 24)), keys);
    }

    void get(Context ctx) {
        BatchId id;
        try {
            id = new BatchId(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw ProblemException.notFound("id", "no batch with id '" + ctx.pathParam("id") + "'");
        }
        Map<JobState, Integer> counts = backend.jobs().countByState(id);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) throw ProblemException.notFound("id", "no batch with id '" + id + "'");
        Map<String, Integer> states = new LinkedHashMap<>();
        int done = 0;
        for (JobState state : JobState.values()) {
            int n = counts.getOrDefault(state, 0);
            if (n > 0) states.put(state.name(), n);
            if (state.isTerminal()) done += n;
        }
        Responses.json(ctx, 200, BatchStatus.class, new BatchStatus(id.value(), total, states, done == total));
    }

    /** A boolean query parameter: absent = false; {@code true}/{@code false} in any case; anything else is 422, never false. */
    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "'" + name + "' must be true or false, was '" + value + "'");
        };
    }

    /** JSON rows → CSV text, so both forms go through the same validated plan (columns in first-seen order). */
    static String toCsv(List<?> rows) {
        if (rows == null || rows.isEmpty()) throw new ValidationException("rows", "'rows' must hold at least one row");
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row))
                throw new ValidationException("rows[" + (i + 1) + "]", "each row must be an object");
            row.keySet().forEach(k -> columns.add(String.valueOf(k)));
        }
        StringBuilder csv = new StringBuilder(
                        String.join(",", columns.stream().map(BatchApi::quote).toList()))
                .append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> row = (Map<?, ?>) rows.get(i);
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object v = row.get(column);
                if (v instanceof Map || v instanceof List) {
                    throw new ValidationException(
                            "rows[" + (i + 1) + "]." + column, "row values must be strings or numbers");
                }
                cells.add(quote(
                        v == null
                                ? ""
                                : v instanceof Double d && d == Math.rint(d)
                                        ? Long.toString(d.longValue())
                                        : v.toString()));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
