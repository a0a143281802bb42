package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.ProviderDirectory;
import java.util.ArrayList;
import java.util.HashMap;
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

    private final ProviderDirectory providers;
    private final CreateJob create;

    public TemplateBatch(ProviderDirectory providers, CreateJob create) {
        this.providers = providers;
        this.create = create;
    }

    /** The same for provider {@code name} (null = the default). */
    public TemplateBatch forProvider(String name) {
        return new TemplateBatch(providers, create.forProvider(name));
    }

    /** A row that will become a job. */
    public record PlannedJob(int line, TemplateSpec spec, IdempotencyKey key) {}

    /** What a batch will do; nothing has been submitted yet. */
    public record BatchPlan(
            BatchId batchId,
            String templateId,
            List<PlannedJob> jobs,
            List<BatchRows.RowError> errors,
            int estimatedCredits) {
        public BatchPlan {
            jobs = List.copyOf(jobs);
            errors = List.copyOf(errors);
        }
    }

    /** What a submitted batch did: jobs newly created vs. found from an earlier run, rows skipped as invalid. */
    public record BatchResult(BatchId batchId, int created, int existing, int skipped, List<JobId> jobIds) {}

    public BatchPlan plan(String templateId, String csvText) {
        ProviderRoute route = create.route();
        Capabilities.require(route.provider(), providers.capabilities(route), ProviderCapabilities.Feature.TEMPLATES);
        VideoProvider provider = providers
                .open(route)
                .videos()
                .orElseThrow(() -> new UnsupportedCapabilityException(route.provider(), "templates"));
        Catalog.TemplateDetail template = provider.template(templateId);
        List<Csv.Record> records = Csv.parse(csvText);
        if (records.isEmpty())
            throw new ValidationException("csv", "the CSV is empty: the first line must name the template's variables");
        List<BatchRows.RowError> errors = new ArrayList<>();
        List<String> header = BatchRows.header(records, errors);
        Map<String, TemplateVariable.Type> types = new LinkedHashMap<>();
        template.variables().forEach(v -> types.put(v.name(), v.type()));
        checkHeader(header, types, errors);
        List<PlannedJob> jobs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        long spoken = 0;
        for (Csv.Record record : records.subList(1, records.size())) {
            try {
                PlannedJob job = row(templateId, header, types, record, seen);
                jobs.add(job);
                spoken += job.spec().variables().values().stream()
                        .filter(v -> v.type() == TemplateVariable.Type.TEXT)
                        .mapToInt(v -> v.value().length())
                        .sum();
            } catch (ValidationException e) {
                errors.add(new BatchRows.RowError(record.line(), e.field(), e.getMessage()));
            }
        }
        if (records.size() == 1) errors.add(new BatchRows.RowError(1, "csv", "the CSV has a header but no rows"));
        return new BatchPlan(
                BatchRows.batchId(templateId, records),
                templateId,
                jobs,
                errors,
                BatchRows.credits(spoken, jobs.size()));
    }

    /**
     * Creates the plan's jobs (existing ones are found by key, not created again).
     *
     * @throws ValidationException listing every bad row, unless {@code skipInvalid}
     */
    public BatchResult submit(BatchPlan plan, boolean skipInvalid) {
        List<BatchRows.Row<TemplateSpec>> rows = plan.jobs().stream()
                .map(j -> new BatchRows.Row<>(j.line(), j.spec(), j.key()))
                .toList();
        return BatchRows.submit(create, plan.batchId(), rows, plan.errors(), skipInvalid);
    }

    private static void checkHeader(
            List<String> header, Map<String, TemplateVariable.Type> types, List<BatchRows.RowError> errors) {
        for (String column : header) {
            if (!types.containsKey(column) && !EXTRA_COLUMNS.contains(column)) {
                errors.add(new BatchRows.RowError(
                        1,
                        column,
                        "column '" + column + "' is not a variable of this template; its variables are "
                                + types.keySet() + " (extra columns allowed: " + EXTRA_COLUMNS + ")"));
            }
        }
        for (String variable : types.keySet()) {
            if (!header.contains(variable)) {
                errors.add(new BatchRows.RowError(
                        1,
                        variable,
                        "missing column '" + variable + "' (a "
                                + types.get(variable).wireName() + " variable)"));
            }
        }
    }

    private static PlannedJob row(
            String templateId,
            List<String> header,
            Map<String, TemplateVariable.Type> types,
            Csv.Record record,
            Map<String, Integer> seen) {
        Map<String, String> values = BatchRows.values(header, record);
        Map<String, TemplateVariable> variables = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : values.entrySet()) {
            String column = cell.getKey();
            TemplateVariable.Type type = types.get(column);
            if (type == null) continue;
            if (cell.getValue().isEmpty()) {
                throw new ValidationException(column, "line " + record.line() + ": '" + column + "' is empty");
            }
            try {
                variables.put(column, new TemplateVariable(column, type, cell.getValue()));
            } catch (ValidationException e) {
                throw new ValidationException(column, "line " + record.line() + ": " + e.getMessage());
            }
        }
        TemplateSpec spec = new TemplateSpec(templateId, variables, emptyToNull(values.get("title")), null, false);
        return new PlannedJob(
                record.line(), spec, BatchRows.key(templateId, emptyToNull(values.get("callback_id")), record, seen));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
