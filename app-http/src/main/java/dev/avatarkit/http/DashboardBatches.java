package dev.avatarkit.http;

import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.usecase.BatchRows;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.http.dashboard.BatchPlanner;
import java.util.List;

/** The dashboard's batch planning, through the same {@link PlannedBatch} as {@code POST /v1/batches}. */
final class DashboardBatches implements BatchPlanner {
    private final Backend backend;

    DashboardBatches(Backend backend) {
        this.backend = backend;
    }

    @Override
    public Planned plan(String kind, String template, String csv) {
        PlannedBatch plan = switch (kind) {
            case "video" -> PlannedBatch.ofVideos(backend.videoBatch(), backend.video(), csv);
            case "template" -> {
                if (template == null || template.isBlank()) {
                    throw new ValidationException(
                            "template",
                            "A template batch needs the template id; for plain avatar videos choose 'Avatar videos'.");
                }
                yield PlannedBatch.ofTemplate(backend.templateBatch(), template.trim(), csv);
            }
            default ->
                throw new ValidationException(
                        "kind", "The kind of batch must be 'video' or 'template', was '" + kind + "'.");
        };
        return new Planned() {
            @Override
            public int rows() {
                return plan.specs().size();
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
                return plan.submit();
            }
        };
    }
}
