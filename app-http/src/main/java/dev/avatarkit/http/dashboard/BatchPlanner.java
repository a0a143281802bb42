package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.usecase.BatchRows;
import dev.avatarkit.core.usecase.TemplateBatch;
import java.util.List;

/**
 * Plans a batch from CSV text exactly as {@code POST /v1/batches} does (the server hands its planner in, so the
 * dashboard and the JSON API cannot drift apart): every row validated, errors by line, the credit estimate.
 */
@FunctionalInterface
public interface BatchPlanner {
    /** A validated batch; nothing is created until {@link #submit()}. */
    interface Planned {
        int rows();

        List<BatchRows.RowError> errors();

        int estimatedCredits();

        /** Creates the rows' jobs (re-submitting the same rows finds the same jobs). */
        TemplateBatch.BatchResult submit();
    }

    /**
     * @param kind     {@code video} (avatar videos, the CLI's {@code video batch} columns) or {@code template}
     * @param template the template id for a template batch, else null
     */
    Planned plan(String kind, String template, String csv);
}
