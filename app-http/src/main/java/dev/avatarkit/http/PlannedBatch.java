package dev.avatarkit.http;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.BatchRows;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A validated batch of either kind — template videos or plain avatar videos — as {@code POST /v1/batches} handles
 * it: the planning, row keys, line-numbered errors and credits come from core's {@link TemplateBatch} /
 * {@link VideoBatch} (the same machinery as the CLI's {@code template batch} and {@code video batch}); this only
 * lets {@link BatchApi} treat both alike (dry run, 422, Idempotency-Key re-keying, admission, submit).
 */
sealed interface PlannedBatch {
    /** {@code template} or {@code video}; echoed in the response documents. */
    String kind();

    /** The template id, null for a video batch. */
    String template();

    BatchId batchId();

    /** The valid rows' specs, in file order. */
    List<? extends JobSpec> specs();

    List<BatchRows.RowError> errors();

    int estimatedCredits();

    /** The same rows under other idempotency keys (one per spec, same order) and another batch id. */
    PlannedBatch rekeyed(BatchId id, List<IdempotencyKey> keys);

    /** Creates the valid rows' jobs (BatchApi has already refused invalid rows unless skipInvalid). */
    TemplateBatch.BatchResult submit();

    /** Plans a plain-video batch from CSV text; {@code script_file} cells and rows the provider cannot render are errors by line. */
    static PlannedBatch ofVideos(VideoBatch batch, VideoProvider provider, String csv) {
        VideoBatch.Plan plan = batch.plan(csv, Videos::refuseScriptFile);
        return new Videos(batch, Videos.preflighted(plan, provider));
    }

    static PlannedBatch ofTemplate(TemplateBatch batch, String templateId, String csv) {
        return new Template(batch, batch.plan(templateId, csv));
    }

    record Template(TemplateBatch batch, TemplateBatch.BatchPlan plan) implements PlannedBatch {
        @Override
        public String kind() {
            return "template";
        }

        @Override
        public String template() {
            return plan.templateId();
        }

        @Override
        public BatchId batchId() {
            return plan.batchId();
        }

        @Override
        public List<? extends JobSpec> specs() {
            return plan.jobs().stream().map(TemplateBatch.PlannedJob::spec).toList();
        }

        @Override
        public List<BatchRows.RowError> errors() {
            return plan.errors();
        }

        @Override
        public int estimatedCredits() {
            return plan.estimatedCredits();
        }

        @Override
        public TemplateBatch.BatchResult submit() {
            return batch.submit(plan, true);
        }

        @Override
        public PlannedBatch rekeyed(BatchId id, List<IdempotencyKey> keys) {
            List<TemplateBatch.PlannedJob> jobs = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                TemplateBatch.PlannedJob job = plan.jobs().get(i);
                jobs.add(new TemplateBatch.PlannedJob(job.line(), job.spec(), keys.get(i)));
            }
            return new Template(
                    batch,
                    new TemplateBatch.BatchPlan(id, plan.templateId(), jobs, plan.errors(), plan.estimatedCredits()));
        }
    }

    record Videos(VideoBatch batch, VideoBatch.Plan plan) implements PlannedBatch {
        @Override
        public String kind() {
            return "video";
        }

        @Override
        public String template() {
            return null;
        }

        @Override
        public BatchId batchId() {
            return plan.batchId();
        }

        @Override
        public List<? extends JobSpec> specs() {
            return plan.videos().stream().map(BatchRows.Row::spec).toList();
        }

        @Override
        public List<BatchRows.RowError> errors() {
            return plan.errors();
        }

        @Override
        public int estimatedCredits() {
            return plan.estimatedCredits();
        }

        @Override
        public TemplateBatch.BatchResult submit() {
            return batch.submit(plan, true);
        }

        @Override
        public PlannedBatch rekeyed(BatchId id, List<IdempotencyKey> keys) {
            List<BatchRows.Row<VideoSpec>> rows = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                BatchRows.Row<VideoSpec> row = plan.videos().get(i);
                rows.add(new BatchRows.Row<>(row.line(), row.spec(), keys.get(i)));
            }
            return new Videos(batch, new VideoBatch.Plan(id, rows, plan.errors(), plan.estimatedCredits()));
        }

        /** The server never reads a path a client names (security model), so a script must travel in the request. */
        private static String refuseScriptFile(String path) {
            throw new ValidationException(
                    "script_file",
                    "'script_file' is not accepted over HTTP (the server never reads a"
                            + " path a client names): put the text in the 'script' column");
        }

        /**
         * Moves rows the provider's dialect can never render (e.g. a {@code video:} background on v3) to the errors,
         * by line, as {@code POST /v1/videos} refuses them before a job exists rather than failing after a 202.
         */
        private static VideoBatch.Plan preflighted(VideoBatch.Plan plan, VideoProvider provider) {
            List<BatchRows.Row<VideoSpec>> renderable = new ArrayList<>();
            List<BatchRows.RowError> errors = new ArrayList<>(plan.errors());
            for (BatchRows.Row<VideoSpec> row : plan.videos()) {
                try {
                    provider.preflight(row.spec());
                    renderable.add(row);
                } catch (ValidationException e) {
                    errors.add(new BatchRows.RowError(
                            row.line(), e.field(), "line " + row.line() + ": " + e.getMessage()));
                } catch (InvalidRequestException e) { // the dialect's refusal, named by its request field
                    errors.add(new BatchRows.RowError(
                            row.line(), e.param(), "line " + row.line() + ": " + e.getMessage()));
                }
            }
            if (renderable.size() == plan.videos().size()) return plan;
            errors.sort(Comparator.comparingInt(BatchRows.RowError::line));
            return new VideoBatch.Plan(plan.batchId(), renderable, errors, plan.estimatedCredits());
        }
    }
}
