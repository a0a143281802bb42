package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.VideoProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One template video per CSV row. Every row is checked before anything is submitted, and every row's job gets an
 * idempotency key derived from the template and the row itself, so running the same batch again — after Ctrl-C,
 * a crash or on purpose — finds the jobs already made and submits nothing twice.
 */
public final class TemplateBatch {
    /** Columns that are not template variables. */
    public static final Set<String> EXTRA_COLUMNS = Set.of("title", "callback_id");
    /** A rough price model for {@code --dry-run}: HeyGen bills by rendered time; ~15 spoken characters a second. */
    static final int CHARS_PER_SECOND = 15;

    private final VideoProvider provider;
    private final CreateJob create;

    public TemplateBatch(VideoProvider provider, CreateJob create) {
        this.provider = provider;
        this.create = create;
    }

    /** A row that cannot become a job, and why. */
    public record RowError(int line, String field, String message) {}

    /** A row that will become a job. */
    public record PlannedJob(int line, TemplateSpec spec, IdempotencyKey key) {}

    /** What a batch will do; nothing has been submitted yet. */
    public record BatchPlan(BatchId batchId, String templateId, List<PlannedJob> jobs, List<RowError> errors,
                            int estimatedCredits) {
        public BatchPlan {
            jobs = List.copyOf(jobs);
            errors = List.copyOf(errors);
        }
    }

    /** What a submitted batch did: jobs newly created vs. found from an earlier run, rows skipped as invalid. */
    public record BatchResult(BatchId batchId, int created, int existing, int skipped, List<JobId> jobIds) {}

    public BatchPlan plan(String templateId, String csvText) {
        Catalog.TemplateDetail template = provider.template(templateId);
        List<Csv.Record> records = Csv.parse(csvText);
        if (records.isEmpty()) throw new ValidationException("csv", "the CSV is empty: the first line must name the template's variables");
        List<RowError> errors = new ArrayList<>();
        List<String> header = records.get(0).fields().stream().map(String::trim).toList();
        Map<String, TemplateVariable.Type> types = new LinkedHashMap<>();
        template.variables().forEach(v -> types.put(v.name(), v.type()));
        checkHeader(header, types, errors);
        List<PlannedJob> jobs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        double seconds = 0;
        for (Csv.Record record : records.subList(1, records.size())) {
            try {
                PlannedJob job = row(templateId, header, types, record, seen);
                jobs.add(job);
                seconds += job.spec().variables().values().stream()
                        .filter(v -> v.type() == TemplateVariable.Type.TEXT).mapToInt(v -> v.value().length()).sum()
                        / (double) CHARS_PER_SECOND;
            } catch (ValidationException e) {
                errors.add(new RowError(record.line(), e.field(), e.getMessage()));
            }
        }
        if (records.size() == 1) errors.add(new RowError(1, "csv", "the CSV has a header but no rows"));
        int credits = (int) Math.ceil(Math.max(seconds, jobs.size() * 5.0) / 60.0);
        return new BatchPlan(batchId(templateId, records), templateId, jobs, errors, credits);
    }

    /**
     * Creates the plan's jobs (existing ones are found by key, not created again).
     *
     * @throws ValidationException listing every bad row, unless {@code skipInvalid}
     */
    public BatchResult submit(BatchPlan plan, boolean skipInvalid) {
        if (!plan.errors().isEmpty() && !skipInvalid) {
            throw new ValidationException("csv", plan.errors().size() + " invalid row(s); nothing was submitted:\n"
                    + String.join("\n", plan.errors().stream().map(e -> "  line " + e.line() + ": " + e.message()).toList())
                    + "\nfix them, or pass --skip-invalid to submit the valid rows only");
        }
        int created = 0;
        List<JobId> ids = new ArrayList<>();
        for (PlannedJob job : plan.jobs()) {
            Insertion insertion = create.create(new CreateJob.Command(job.spec(), job.key(), plan.batchId(), null));
            if (insertion.created()) created++;
            ids.add(insertion.job().id());
        }
        return new BatchResult(plan.batchId(), created, plan.jobs().size() - created, plan.errors().size(), ids);
    }

    private static void checkHeader(List<String> header, Map<String, TemplateVariable.Type> types, List<RowError> errors) {
        for (int i = 0; i < header.size(); i++) {
            int first = header.indexOf(header.get(i));
            if (first != i) {
                // a row's value would silently come from one of the two columns
                errors.add(new RowError(1, header.get(i), "column '" + header.get(i) + "' appears twice (columns "
                        + (first + 1) + " and " + (i + 1) + "); keep one"));
            }
        }
        for (String column : header) {
            if (!types.containsKey(column) && !EXTRA_COLUMNS.contains(column)) {
                errors.add(new RowError(1, column, "column '" + column + "' is not a variable of this template; its variables are "
                        + types.keySet() + " (extra columns allowed: " + EXTRA_COLUMNS + ")"));
            }
        }
        for (String variable : types.keySet()) {
            if (!header.contains(variable)) {
                errors.add(new RowError(1, variable, "missing column '" + variable + "' (a " + types.get(variable).wireName() + " variable)"));
            }
        }
    }

    private static PlannedJob row(String templateId, List<String> header, Map<String, TemplateVariable.Type> types,
                                  Csv.Record record, Map<String, Integer> seen) {
        if (record.fields().size() != header.size()) {
            throw new ValidationException("csv", "line " + record.line() + ": has " + record.fields().size()
                    + " fields, the header has " + header.size());
        }
        Map<String, TemplateVariable> variables = new LinkedHashMap<>();
        String title = null;
        String callbackId = null;
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = record.fields().get(i).trim();
            if (column.equals("title")) { title = value.isEmpty() ? null : value; continue; }
            if (column.equals("callback_id")) { callbackId = value.isEmpty() ? null : value; continue; }
            TemplateVariable.Type type = types.get(column);
            if (type == null) continue;
            if (value.isEmpty()) {
                throw new ValidationException(column, "line " + record.line() + ": '" + column + "' is empty");
            }
            try {
                variables.put(column, new TemplateVariable(column, type, value));
            } catch (ValidationException e) {
                throw new ValidationException(column, "line " + record.line() + ": " + e.getMessage());
            }
        }
        TemplateSpec spec = new TemplateSpec(templateId, variables, title, null, false);
        String natural = callbackId != null ? templateId + "\ncallback_id=" + callbackId
                : templateId + "\n" + String.join("\u001f", record.fields());
        int occurrence = seen.merge(natural, 1, Integer::sum);
        return new PlannedJob(record.line(), spec, IdempotencyKey.derived("row", natural + "\n#" + occurrence));
    }

    private static BatchId batchId(String templateId, List<Csv.Record> records) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(templateId.getBytes(StandardCharsets.UTF_8));
            for (Csv.Record record : records) {
                sha.update(String.join("\u001f", record.fields()).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new BatchId("b-" + HexFormat.of().formatHex(sha.digest(), 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
