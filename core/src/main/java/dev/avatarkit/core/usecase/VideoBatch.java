package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One plain avatar video per CSV row (the template batch's twin, sharing its {@link BatchRows} machinery: the same
 * checks with line numbers, the same keys, so re-running a file never renders a row twice). Column names follow
 * what bulk users keep: {@code avatar_id, voice_id, script, title}.
 */
public final class VideoBatch {
    /** The scope of this kind's batch ids and row keys: a video batch never collides with a template batch. */
    static final String SCOPE = "video";

    private final CreateJob create;

    public VideoBatch(CreateJob create) {
        this.create = create;
    }

    /** The same for provider {@code name} (null = the default). */
    public VideoBatch forProvider(String name) {
        return new VideoBatch(create.forProvider(name));
    }

    /** Reads a {@code script_file} cell (a path relative to the CSV); throws ValidationException when it cannot. */
    @FunctionalInterface
    public interface ScriptFiles {
        String read(String path);
    }

    /** What a batch will do; nothing has been submitted yet. */
    public record Plan(
            BatchId batchId,
            List<BatchRows.Row<VideoSpec>> videos,
            List<BatchRows.RowError> errors,
            int estimatedCredits) {
        public Plan {
            videos = List.copyOf(videos);
            errors = List.copyOf(errors);
        }
    }

    public Plan plan(String csvText, ScriptFiles scriptFiles) {
        List<Csv.Record> records = Csv.parse(csvText);
        if (records.isEmpty()) {
            throw new ValidationException(
                    "csv",
                    "the CSV is empty: the first line must name its columns, e.g. "
                            + String.join(",", VideoRow.EXAMPLE_HEADER));
        }
        List<BatchRows.RowError> errors = new ArrayList<>();
        List<String> header = BatchRows.header(records, errors);
        VideoRow.checkHeader(header, errors);
        List<BatchRows.Row<VideoSpec>> videos = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        long spoken = 0;
        for (Csv.Record record : records.subList(1, records.size())) {
            try {
                Map<String, String> values = BatchRows.values(header, record);
                VideoSpec spec = VideoRow.spec(values, record.line(), scriptFiles);
                create.check(spec); // the provider's capabilities and limits, per row, before anything is sent
                videos.add(new BatchRows.Row<>(
                        record.line(), spec, BatchRows.key(SCOPE, VideoRow.id(values), record, seen)));
                if (spec.scenes().get(0).voice() instanceof Voice.Text text)
                    spoken += text.text().length();
            } catch (ValidationException e) {
                errors.add(new BatchRows.RowError(record.line(), e.field(), e.getMessage()));
            }
        }
        if (records.size() == 1) errors.add(new BatchRows.RowError(1, "csv", "the CSV has a header but no rows"));
        return new Plan(BatchRows.batchId(SCOPE, records), videos, errors, BatchRows.credits(spoken, videos.size()));
    }

    /**
     * Creates the plan's jobs (existing ones are found by key, not created again).
     *
     * @throws ValidationException listing every bad row, unless {@code skipInvalid}
     */
    public TemplateBatch.BatchResult submit(Plan plan, boolean skipInvalid) {
        return BatchRows.submit(create, plan.batchId(), plan.videos(), plan.errors(), skipInvalid);
    }
}
